package org.jkeepalived.healthcheck.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A change of a real server's health.
 *
 * @param kind what changed
 * @param health the real server's health after the change
 * @param reason one line saying why, for logs and alerts, for example
 *               {@code TCP_CHECK keepalived.conf:12 failed after 1 retries: connection refused}
 * @param checker the checker whose change caused this one, if a checker did
 */
public record HealthEvent(Kind kind, RealServerHealth health, String reason, Optional<CheckerState> checker) {

    public HealthEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(checker, "checker");
    }

    /** @return the real server */
    public RealServerKey key() {
        return health.key();
    }

    /** What changed. */
    public enum Kind {
        /**
         * The real server is checked from now on, with its first state: down if an {@code alpha}
         * checker starts it down, up otherwise. A listener registered late is told this for every
         * real server checked at that moment, before any other event.
         */
        ADDED,
        /** Every checker is up again: the real server goes back into service. */
        UP,
        /** A checker went down: the real server goes out of service. */
        DOWN,
        /** The weight changed and the state did not. */
        WEIGHT,
        /** The real server left the configuration: it is no longer checked. */
        REMOVED
    }

    @Override
    public String toString() {
        return kind + " " + health + ": " + reason;
    }
}
