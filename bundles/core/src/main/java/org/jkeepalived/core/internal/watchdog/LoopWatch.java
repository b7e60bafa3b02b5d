package org.jkeepalived.core.internal.watchdog;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** The hellos to one loop: when the last went out and whether it was answered. */
final class LoopWatch {

    private final Executor loop;
    private long sentAt;
    private volatile boolean pending;
    private boolean restartFailed;

    LoopWatch(Executor loop) {
        this.loop = loop;
    }

    Executor loop() {
        return loop;
    }

    /**
     * Sends a hello if the last one was answered and the interval passed.
     *
     * @param now the time
     * @param interval nanoseconds between hellos
     */
    void sendIfDue(long now, long interval) {
        if (!pending && (sentAt == 0 || now - sentAt >= interval)) {
            sentAt = now;
            pending = true;
            try {
                loop.execute(() -> pending = false);
            } catch (RejectedExecutionException e) {
                // the loop is closing: its owner is stopping it, which is no stall
                pending = false;
            }
        }
    }

    /** @return whether restarting the loop's subsystem failed while this hello waited */
    boolean restartFailed() {
        return restartFailed;
    }

    void markRestartFailed() {
        restartFailed = true;
    }

    /**
     * @param now the time
     * @return how long the unanswered hello has waited, or 0 if none waits
     */
    long waiting(long now) {
        return pending ? now - sentAt : 0;
    }
}
