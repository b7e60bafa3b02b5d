package org.jkeepalived.healthcheck.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine knows of one checker of a real server, for an operator looking at it.
 *
 * @param state the checker's state
 * @param target where it connects, for example {@code [192.0.2.10]:80}
 * @param plugin the bundle that serves its keyword, while one does
 * @param delayLoop delay_loop: time between probes
 * @param retry retry: failed probes in a row beyond the first before it goes down
 * @param delayBeforeRetry delay_before_retry
 * @param retriesDone the retries made since the last probe that passed or the last state change
 * @param probes the probes run since the checker started
 * @param failures the probes among them that failed
 * @param lastProbe when the last probe ended
 * @param nextProbe when the next probe is due, while the checker runs
 * @param lastProbeDuration how long the last probe took, from its start to its outcome
 * @param probeTimeTotal how long all the probes run took together: with {@code probes}, their mean
 */
public record CheckerDetail(CheckerState state, String target, Optional<String> plugin, Duration delayLoop, int retry,
        Duration delayBeforeRetry, int retriesDone, long probes, long failures, Optional<Instant> lastProbe,
        Optional<Instant> nextProbe, Optional<Duration> lastProbeDuration, Duration probeTimeTotal) {

    public CheckerDetail {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(delayLoop, "delayLoop");
        Objects.requireNonNull(delayBeforeRetry, "delayBeforeRetry");
        Objects.requireNonNull(lastProbe, "lastProbe");
        Objects.requireNonNull(nextProbe, "nextProbe");
        Objects.requireNonNull(lastProbeDuration, "lastProbeDuration");
        Objects.requireNonNull(probeTimeTotal, "probeTimeTotal");
    }
}
