package org.jkeepalived.healthcheck.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How the checker loops keep up: how many probes started since the engine started, and how late
 * against their deadlines (within 12.5%). Lateness that grows toward {@code delay_loop} means the
 * loops have more to do than they can.
 *
 * @param realServers the real servers checked
 * @param checkersRunning the checkers whose probes run
 * @param probesStarted the probes started since the engine started
 * @param latenessP50 half of the probes started later than their deadline by at most this
 * @param latenessP99 99 in 100 probes started later by at most this
 * @param latenessMax the latest start
 */
public record CheckStatistics(int realServers, int checkersRunning, long probesStarted, Duration latenessP50,
        Duration latenessP99, Duration latenessMax) {

    public CheckStatistics {
        Objects.requireNonNull(latenessP50, "latenessP50");
        Objects.requireNonNull(latenessP99, "latenessP99");
        Objects.requireNonNull(latenessMax, "latenessMax");
    }
}
