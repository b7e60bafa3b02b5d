package org.jkeepalived.healthcheck.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A failed probe.
 *
 * @param reason what the checker said, for example {@code connection refused}
 * @param at when the probe ended
 */
public record CheckFailure(String reason, Instant at) {

    public CheckFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
