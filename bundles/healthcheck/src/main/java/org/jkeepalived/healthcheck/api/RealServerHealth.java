package org.jkeepalived.healthcheck.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The health of one real server: up only while every one of its checkers is up (a real server
 * without checkers is always up), and the weight it should have.
 *
 * @param key the real server
 * @param up whether it is up
 * @param weight its weight: the configured one, or the last one a checker set (as {@code MISC_CHECK}
 *               with {@code misc_dynamic} does)
 * @param configuredWeight the weight written in the configuration
 * @param since when {@code up} last changed, or when the real server was added
 * @param checkers its checkers, in the order written
 */
public record RealServerHealth(RealServerKey key, boolean up, int weight, int configuredWeight, Instant since,
        List<CheckerState> checkers) {

    public RealServerHealth {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(since, "since");
        checkers = List.copyOf(checkers);
    }

    /** @return the checkers that are down, which keep the real server down */
    public List<CheckerState> failing() {
        return checkers.stream().filter(checker -> !checker.up()).toList();
    }

    /** @return the checkers whose probes do not run, for example because no plugin serves them */
    public List<CheckerState> notRunning() {
        return checkers.stream().filter(checker -> !checker.running()).toList();
    }

    @Override
    public String toString() {
        return key + (up ? " up" : " down") + ", weight " + weight;
    }
}
