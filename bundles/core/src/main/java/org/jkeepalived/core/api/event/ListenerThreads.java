package org.jkeepalived.core.api.event;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listeners, each told of events on a daemon thread of its own, one at a time, in the order they
 * were published. A listener that throws is logged and keeps being told; one that is slow delays
 * only itself. Thread-safe.
 *
 * @param <L> the listener type
 * @param <E> the event type
 */
public final class ListenerThreads<L, E> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerThreads.class);

    private final String threadName;
    private final BiConsumer<? super L, ? super E> tell;
    private final AtomicInteger threads = new AtomicInteger();
    /** Guarded by itself. */
    private final Map<L, ExecutorService> listeners = new IdentityHashMap<>();

    /**
     * @param threadName the name of listener threads, numbered after a dash, as thread dumps show them
     * @param tell how to tell one listener of one event
     */
    public ListenerThreads(String threadName, BiConsumer<? super L, ? super E> tell) {
        this.threadName = Objects.requireNonNull(threadName, "threadName");
        this.tell = Objects.requireNonNull(tell, "tell");
    }

    /**
     * Adds a listener, first told the events {@code first} gives, such as the state of the moment.
     * {@code first} is asked under the lock that orders publishing, so nothing published meanwhile is
     * missed or told twice.
     *
     * @param listener the listener
     * @param first the events the listener is told before any later one
     */
    public void add(L listener, Supplier<List<E>> first) {
        ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
            Thread listenerThread = new Thread(task, threadName + "-" + threads.incrementAndGet());
            listenerThread.setDaemon(true);
            return listenerThread;
        });
        synchronized (listeners) {
            first.get().forEach(event -> deliver(listener, thread, event));
            listeners.put(listener, thread);
        }
    }

    /**
     * Removes a listener; what it was not told yet is dropped.
     *
     * @param listener the listener
     */
    public void remove(L listener) {
        ExecutorService thread;
        synchronized (listeners) {
            thread = listeners.remove(listener);
        }
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    /**
     * Records a change and tells every listener of it, under the lock that orders {@link #add}: a
     * listener added afterwards finds the change recorded, one added before is told of it.
     *
     * @param record what to record before telling, run under the lock
     * @param event the event
     */
    public void publish(Runnable record, E event) {
        synchronized (listeners) {
            record.run();
            listeners.forEach((listener, thread) -> deliver(listener, thread, event));
        }
    }

    /**
     * Tells every listener of an event, without waiting for any of them.
     *
     * @param event the event
     */
    public void publish(E event) {
        publish(() -> { }, event);
    }

    /** Stops every listener thread; what they were not told yet is dropped. */
    @Override
    public void close() {
        close(Duration.ZERO);
    }

    /**
     * Stops every listener thread once it has told what was published before, such as the last
     * changes at shutdown, waiting at most {@code grace} in all; what is left then is dropped.
     *
     * @param grace how long listeners may take to catch up
     */
    public void close(Duration grace) {
        List<ExecutorService> threads;
        synchronized (listeners) {
            threads = List.copyOf(listeners.values());
            listeners.clear();
        }
        threads.forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            for (ExecutorService thread : threads) {
                thread.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            threads.forEach(ExecutorService::shutdownNow);
        }
    }

    private void deliver(L listener, ExecutorService thread, E event) {
        thread.execute(() -> {
            try {
                tell.accept(listener, event);
            } catch (RuntimeException e) {
                LOG.error("listener {} failed on {}", listener, event, e);
            }
        });
    }
}
