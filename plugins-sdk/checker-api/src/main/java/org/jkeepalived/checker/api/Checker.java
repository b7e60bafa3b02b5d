package org.jkeepalived.checker.api;

import java.util.concurrent.CompletableFuture;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks one target, one probe at a time.
 *
 * <h2>Contract</h2>
 * <ul>
 * <li>{@link #check()} starts one probe and returns at once; it must never block the calling thread,
 * which is a checker loop shared with other real servers. Blocking work (a script, a file) goes to
 * another thread or process and completes the future from there.</li>
 * <li>The engine calls {@link #check()} again only after the previous future completed. Retries,
 * {@code delay_before_retry}, {@code delay_loop} and the up/down decision are the engine's.</li>
 * <li>The engine bounds every probe by {@link CheckerDefinition#probeTimeout}: when the probe is
 * late it {@linkplain CompletableFuture#cancel cancels} the future and counts a failure ({@link
 * Probes#run}). A checker must then release what the probe holds (sockets, processes); it can see
 * the cancellation through {@link CompletableFuture#whenComplete}.</li>
 * <li>A failure of the target is an outcome ({@link CheckOutcome#down}), not an exceptional
 * completion. An exceptional completion is taken as a fault of the checker: it is logged with the
 * exception and counts as a failed probe.</li>
 * </ul>
 */
@ConsumerType
public interface Checker extends AutoCloseable {

    /**
     * Starts one probe of the target.
     *
     * @return a future completed with the outcome of the probe
     */
    CompletableFuture<CheckOutcome> check();

    /**
     * Releases everything this checker holds. Called once, when its real server or its definition
     * goes away or its plugin is stopped; no probe is started afterwards.
     */
    @Override
    default void close() {
    }
}
