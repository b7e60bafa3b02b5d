package org.jkeepalived.core.api.watchdog;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A loop that did not run the watchdog's hello within its deadline.
 *
 * @param subsystem the subsystem that owns the loop, for example {@code vrrp}
 * @param loop the loop's name, for example {@code vrrp} or {@code checker-1}
 * @param stuckFor how long the hello had waited when the loop was declared stuck
 * @param at when it was declared stuck
 */
public record StuckLoop(String subsystem, String loop, Duration stuckFor, Instant at) {

    /** Checks that nothing is missing. */
    public StuckLoop {
        Objects.requireNonNull(subsystem, "subsystem");
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(stuckFor, "stuckFor");
        Objects.requireNonNull(at, "at");
    }

    /** @return one line that names the loop and how long it was stuck */
    public String describe() {
        return "loop " + loop + " of " + subsystem + " did not answer the watchdog for " + stuckFor.toMillis() + " ms";
    }
}
