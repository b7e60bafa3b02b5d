package org.jkeepalived.checker.registry.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queued notifications one at a time in queue order, on whichever caller thread drains first,
 * so that notifications are queued under a lock but delivered outside it.
 */
final class SerialDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(SerialDelivery.class);

    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    void enqueue(Runnable notification) {
        pending.add(notification);
    }

    void drain() {
        while (!pending.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                Runnable next;
                while ((next = pending.poll()) != null) {
                    runSafely(next);
                }
            } finally {
                draining.set(false);
            }
        }
    }

    private static void runSafely(Runnable notification) {
        try {
            notification.run();
        } catch (RuntimeException e) {
            LOG.error("a checker registry listener failed", e);
        }
    }
}
