package org.jkeepalived.healthcheck.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.jkeepalived.checker.api.ConfigLocation;

/**
 * One checker block of a real server, as the engine last saw it.
 *
 * <p>A checker that does not run (no plugin serves its keyword, the plugin refused the block, or it
 * left) keeps the state it had: its real server neither goes down nor comes up because a plugin is
 * missing or being updated.
 *
 * @param keyword the checker keyword, for example {@code TCP_CHECK}
 * @param location where the block is written
 * @param up whether the checker counts as up
 * @param running whether probes run; false while no plugin serves the block
 * @param since when {@code up} last changed, or when the checker was set up
 * @param detail why it is down or not running, for example {@code connection refused} or
 *               {@code checker HTTP_GET not loaded}; empty when it is up and running
 * @param lastFailure the last failed probe, if any failed
 */
public record CheckerState(String keyword, ConfigLocation location, boolean up, boolean running, Instant since,
        String detail, Optional<CheckFailure> lastFailure) {

    public CheckerState {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(lastFailure, "lastFailure");
    }

    /** @return the keyword and the block's file and line, for example {@code TCP_CHECK keepalived.conf:12} */
    public String name() {
        return keyword + " " + location.file() + ":" + location.line();
    }

    @Override
    public String toString() {
        return name() + (up ? " up" : " down") + (detail.isEmpty() ? "" : ": " + detail);
    }
}
