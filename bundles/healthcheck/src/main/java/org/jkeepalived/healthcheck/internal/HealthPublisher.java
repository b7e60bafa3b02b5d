package org.jkeepalived.healthcheck.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.jkeepalived.healthcheck.api.CheckerState;
import org.jkeepalived.healthcheck.api.HealthEvent;
import org.jkeepalived.healthcheck.api.HealthListener;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health of every real server, as the loops last wrote it, and the listeners told of each
 * change. A change and its event are recorded together under one lock, so that a listener that
 * arrives is told the health of that moment and then every later change, none twice.
 */
final class HealthPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthPublisher.class);
    private static final AtomicInteger LISTENER_THREADS = new AtomicInteger();

    private final Object lock = new Object();
    private final Map<RealServerKey, RealServerHealth> current = new ConcurrentHashMap<>();
    /** Guarded by {@link #lock}. */
    private final Map<HealthListener, ExecutorService> listeners = new IdentityHashMap<>();
    /** The real servers in configuration order, for the snapshot. */
    private volatile List<RealServerKey> order = List.of();

    /**
     * @param keys the real servers of the configuration that runs now, in the order written
     */
    void order(List<RealServerKey> keys) {
        order = List.copyOf(keys);
    }

    /** @return every real server's health, in configuration order */
    List<RealServerHealth> snapshot() {
        List<RealServerHealth> all = new ArrayList<>();
        for (RealServerKey key : order) {
            RealServerHealth health = current.get(key);
            if (health != null) {
                all.add(health);
            }
        }
        return all;
    }

    /**
     * @param key a real server
     * @return its health, if it is checked
     */
    Optional<RealServerHealth> health(RealServerKey key) {
        return Optional.ofNullable(current.get(key));
    }

    /**
     * Records a change that listeners are not told of, such as a failed probe that is retried.
     *
     * @param health the real server's health now
     */
    void update(RealServerHealth health) {
        current.replace(health.key(), health);
    }

    /**
     * Records a change and tells every listener of it.
     *
     * @param kind what changed
     * @param health the real server's health now
     * @param reason why, in one line
     * @param checker the checker that caused it, if one did
     */
    void publish(HealthEvent.Kind kind, RealServerHealth health, String reason, Optional<CheckerState> checker) {
        HealthEvent event = new HealthEvent(kind, health, reason, checker);
        synchronized (lock) {
            if (kind == HealthEvent.Kind.REMOVED) {
                current.remove(health.key());
            } else {
                current.put(health.key(), health);
            }
            listeners.forEach((listener, thread) -> deliver(listener, thread, event));
        }
    }

    /**
     * Adds a listener, first told {@code ADDED} for every real server checked now.
     *
     * @param listener the listener
     */
    void addListener(HealthListener listener) {
        ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
            Thread listenerThread = new Thread(task, "health-listener-" + LISTENER_THREADS.incrementAndGet());
            listenerThread.setDaemon(true);
            return listenerThread;
        });
        synchronized (lock) {
            for (RealServerHealth health : snapshot()) {
                deliver(listener, thread, new HealthEvent(HealthEvent.Kind.ADDED, health, "checked at the listener's start",
                        Optional.empty()));
            }
            listeners.put(listener, thread);
        }
    }

    /**
     * Removes a listener; what it was not told yet is dropped.
     *
     * @param listener the listener
     */
    void removeListener(HealthListener listener) {
        ExecutorService thread;
        synchronized (lock) {
            thread = listeners.remove(listener);
        }
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            listeners.values().forEach(ExecutorService::shutdownNow);
            listeners.clear();
        }
    }

    private static void deliver(HealthListener listener, ExecutorService thread, HealthEvent event) {
        thread.execute(() -> {
            try {
                listener.healthChanged(event);
            } catch (RuntimeException e) {
                LOG.error("health listener {} failed on {}", listener, event, e);
            }
        });
    }
}
