package org.jkeepalived.checker.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one probe the way the engine does, so that a checker's tests see what production sees.
 */
public final class Probes {

    private Probes() {
    }

    /**
     * Starts a probe and bounds it by {@code timeout}: a late probe is cancelled (the checker sees
     * the cancellation and releases what it holds) and its outcome is a failure saying so.
     *
     * @param checker the checker
     * @param timeout the probe's time budget, from {@link CheckerDefinition#probeTimeout}
     * @param loop the checker loop that runs the checker
     * @return the outcome; completed exceptionally only if the checker itself failed
     */
    public static CompletableFuture<CheckOutcome> run(Checker checker, Duration timeout, ScheduledExecutorService loop) {
        CompletableFuture<CheckOutcome> probe = checker.check();
        CompletableFuture<CheckOutcome> outcome = new CompletableFuture<>();
        ScheduledFuture<?> deadline = loop.schedule(() -> {
            if (outcome.complete(CheckOutcome.down("timed out after " + describe(timeout)))) {
                probe.cancel(true);
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        probe.whenComplete((result, failure) -> {
            deadline.cancel(false);
            if (failure != null) {
                outcome.completeExceptionally(failure);
            } else {
                outcome.complete(result);
            }
        });
        return outcome;
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
