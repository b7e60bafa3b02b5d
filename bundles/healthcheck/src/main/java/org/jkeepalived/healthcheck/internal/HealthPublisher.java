package org.jkeepalived.healthcheck.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jkeepalived.core.api.event.ListenerThreads;
import org.jkeepalived.healthcheck.api.CheckerState;
import org.jkeepalived.healthcheck.api.HealthEvent;
import org.jkeepalived.healthcheck.api.HealthListener;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;

/**
 * The health of every real server, as the loops last wrote it, and the listeners told of each
 * change. A change and its event are recorded together under one lock, so that a listener that
 * arrives is told the health of that moment and then every later change, none twice.
 */
final class HealthPublisher implements AutoCloseable {

    private final Map<RealServerKey, RealServerHealth> current = new ConcurrentHashMap<>();
    private final ListenerThreads<HealthListener, HealthEvent> listeners =
            new ListenerThreads<>("health-listener", HealthListener::healthChanged);
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
        listeners.publish(() -> {
            if (kind == HealthEvent.Kind.REMOVED) {
                current.remove(health.key());
            } else {
                current.put(health.key(), health);
            }
        }, new HealthEvent(kind, health, reason, checker));
    }

    /**
     * Adds a listener, first told {@code ADDED} for every real server checked now.
     *
     * @param listener the listener
     */
    void addListener(HealthListener listener) {
        listeners.add(listener, () -> snapshot().stream()
                .map(health -> new HealthEvent(HealthEvent.Kind.ADDED, health, "checked at the listener's start",
                        Optional.empty()))
                .toList());
    }

    /**
     * Removes a listener; what it was not told yet is dropped.
     *
     * @param listener the listener
     */
    void removeListener(HealthListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        listeners.close();
    }
}
