package org.jkeepalived.healthcheck.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import org.jkeepalived.checker.api.CheckContext;
import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.Probes;
import org.jkeepalived.config.api.model.lvs.CheckerSettings;
import org.jkeepalived.healthcheck.api.CheckFailure;
import org.jkeepalived.healthcheck.api.CheckerDetail;
import org.jkeepalived.healthcheck.api.CheckerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One checker of one real server: when its probes run and what their outcomes mean, by keepalived's
 * rules. Everything here runs on the checker loop of its real server.
 *
 * <p>A probe that passes, or fails with no retry left, ends a round: the checker is up after a
 * pass and down after the failure, and the next probe is due on the {@code delay_loop} grid. A
 * probe that fails with retries left is followed by another after {@code delay_before_retry}. The
 * grid is kept in absolute time from the first probe, which comes after a random part of
 * {@code warmup}: probes do not drift, and checkers started together stay spread.
 */
final class CheckerRun {

    private static final Logger LOG = LoggerFactory.getLogger(CheckerRun.class);

    private final RealServerMonitor server;
    private final EventLoop loop;
    private CheckerSlot slot;

    private boolean up;
    /** Whether a round ended since the checker was set up (keepalived's has_run). */
    private boolean hasRun;
    private int retriesDone;
    private Instant since;
    /** Why the checker is down, while it is. */
    private String downReason;
    private CheckFailure lastFailure;
    private long probes;
    private long failures;
    private Instant lastProbe;
    private Duration lastProbeDuration;
    private long probeNanosTotal;
    /** When the probe that runs started, in {@link System#nanoTime()} time. */
    private long probeStart;

    /** Why probes do not run, or null while they do. */
    private String stopped;
    private Binding.Bound binding;
    private Checker checker;
    private ScheduledFuture<?> timer;
    /** The deadline of the probe that is due or running, in {@link System#nanoTime()} time. */
    private long deadline;
    /** The last point of the delay_loop grid. */
    private long gridPoint;
    /** Counts stops, so that the outcome of a probe that was running when its checker stopped is dropped. */
    private int epoch;

    /**
     * A checker that does not run yet.
     *
     * @param server its real server
     * @param slot its block
     * @param up its first state
     * @param downReason why it starts down, if it does
     * @param stopped why it does not run
     */
    CheckerRun(RealServerMonitor server, CheckerSlot slot, boolean up, String downReason, String stopped) {
        this.server = server;
        this.loop = server.loop();
        this.slot = slot;
        this.up = up;
        this.downReason = downReason;
        this.stopped = stopped;
        this.since = Instant.now();
    }

    CheckerSlot slot() {
        return slot;
    }

    /** Moves the checker to the slot of a new configuration that checks the same way. */
    void relocate(CheckerSlot newSlot) {
        slot = newSlot;
    }

    boolean isUp() {
        return up;
    }

    boolean hasRun() {
        return hasRun;
    }

    boolean isRunning() {
        return stopped == null;
    }

    /**
     * Starts probing: the first probe comes at {@code firstDeadline}, then on the delay_loop grid.
     *
     * @param bound the plugin's definition
     * @param firstDeadline when the first probe is due, in {@link System#nanoTime()} time
     */
    void start(Binding.Bound bound, long firstDeadline) {
        stop(null);
        try {
            checker = bound.definition().newChecker(slot.target(), context());
        } catch (RuntimeException | LinkageError e) {
            LOG.error("{} on service {}: the {} plugin {} could not make its checker", slot, server.serviceName(),
                    slot.keyword(), bound.registration().origin(), e);
            stopped = slot.keyword() + " plugin " + bound.registration().origin() + " could not make its checker: " + e;
            server.refresh();
            return;
        }
        if (checker == null) {
            stopped = slot.keyword() + " plugin " + bound.registration().origin() + " made no checker";
            LOG.error("{} on service {}: {}", slot, server.serviceName(), stopped);
            server.refresh();
            return;
        }
        binding = bound;
        stopped = null;
        gridPoint = firstDeadline;
        schedule(firstDeadline);
        server.refresh();
    }

    /**
     * Makes a checker that has not run need only one failure to go down, as keepalived does for a
     * checker added on reload to a real server that has a failing checker.
     */
    void oneFailureIsEnough() {
        retriesDone = slot.settings().retry();
    }

    /**
     * Stops probing and releases the checker; the state stays as it is.
     *
     * @param reason why, shown until probes run again; null when they restart at once
     */
    void stop(String reason) {
        epoch++;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        if (checker != null) {
            try {
                checker.close();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("{} on service {}: closing the checker failed", slot, server.serviceName(), e);
            }
            checker = null;
        }
        binding = null;
        if (reason != null) {
            stopped = reason;
        }
    }

    /** @return the state shown in the snapshot */
    CheckerState state() {
        String detail = stopped != null ? stopped : up ? "" : downReason;
        return new CheckerState(slot.keyword(), slot.location(), up, stopped == null, since, detail,
                Optional.ofNullable(lastFailure));
    }

    /** @return the state, timers and counters, for an operator */
    CheckerDetail detail() {
        CheckerSettings settings = slot.settings();
        Optional<Instant> next = timer == null ? Optional.empty()
                : Optional.of(Instant.now().plusNanos(deadline - System.nanoTime()));
        return new CheckerDetail(state(), slot.target().toString(),
                Optional.ofNullable(binding).map(bound -> bound.registration().origin()), settings.delayLoop(),
                settings.retry(), settings.delayBeforeRetry(), retriesDone, probes, failures, Optional.ofNullable(lastProbe), next,
                Optional.ofNullable(lastProbeDuration), Duration.ofNanos(probeNanosTotal));
    }

    private void schedule(long at) {
        deadline = at;
        timer = loop.schedule(this::probe, at - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    private void probe() {
        timer = null;
        probeStart = System.nanoTime();
        server.lateness().record(probeStart - deadline);
        int probeEpoch = epoch;
        CompletableFuture<CheckOutcome> outcome;
        try {
            outcome = Probes.run(checker, binding.definition().probeTimeout(slot.target()), loop);
        } catch (RuntimeException | LinkageError e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        outcome.whenComplete((result, failure) -> {
            if (loop.inEventLoop()) {
                completed(probeEpoch, result, failure);
            } else {
                loop.execute(() -> completed(probeEpoch, result, failure));
            }
        });
    }

    private void completed(int probeEpoch, CheckOutcome result, Throwable failure) {
        if (probeEpoch != epoch) {
            return;
        }
        long now = System.nanoTime();
        lastProbe = Instant.now();
        lastProbeDuration = Duration.ofNanos(now - probeStart);
        probeNanosTotal += now - probeStart;
        probes++;
        CheckOutcome outcome = result;
        if (failure != null || result == null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            LOG.warn("{} on service {}: the checker failed instead of giving an outcome", slot, server.serviceName(), cause);
            outcome = CheckOutcome.down("the checker failed: " + (cause == null ? "no outcome" : cause.toString()));
        }
        boolean passed = outcome.isUp();
        if (!passed) {
            failures++;
            lastFailure = new CheckFailure(outcome.detail(), lastProbe);
            if (up && slot.settings().logAllFailures()) {
                LOG.info("{} on service {}: probe failed: {}.", slot.keyword(), server.serviceName(), outcome.detail());
            }
        }
        outcome.weight().ifPresent(weight -> server.weightSet(this, weight));
        outcome.weightOffset().ifPresent(offset -> server.weightOffset(this, offset));
        CheckerSettings settings = slot.settings();
        long next;
        if (passed || retriesDone >= settings.retry()) {
            boolean retried = retriesDone > 0;
            retriesDone = 0;
            next = nextGridPoint(now);
            if (passed && (!up || !hasRun)) {
                LOG.info("{} to {} success.", outcome.detail().isEmpty() ? slot.keyword() + " check" : outcome.detail(),
                        server.serviceName());
                hasRun = true;
                change(true, "", slot + " passed");
            } else if (!passed && (up || !hasRun)) {
                String reason = retried ? slot + " failed after " + settings.retry() + " retries: " + outcome.detail()
                        : slot + " failed: " + outcome.detail();
                LOG.info("{} on service {} {}.", slot.keyword(), server.serviceName(),
                        (retried ? "failed after " + settings.retry() + " retries: " : "failed: ") + outcome.detail()
                                + " (" + slot.location().file() + ":" + slot.location().line() + ")");
                hasRun = true;
                change(false, outcome.detail(), reason);
            } else {
                if (!passed) {
                    downReason = outcome.detail();
                }
                hasRun = true;
                refreshIfFailed(passed);
            }
        } else {
            retriesDone++;
            next = now + settings.delayBeforeRetry().toNanos();
            hasRun = true;
            refreshIfFailed(passed);
        }
        schedule(next);
    }

    private void change(boolean nowUp, String reason, String cause) {
        if (up != nowUp) {
            since = Instant.now();
        }
        up = nowUp;
        downReason = reason;
        server.checkerChanged(this, cause);
    }

    private void refreshIfFailed(boolean passed) {
        if (!passed) {
            server.refresh();
        }
    }

    /** The first point of the delay_loop grid that is not past: a probe that overran skips the points it covered. */
    private long nextGridPoint(long now) {
        long period = slot.settings().delayLoop().toNanos();
        long next = gridPoint + period;
        if (next - now < 0) {
            next += ((now - next) / period + 1) * period;
        }
        gridPoint = next;
        return next;
    }

    private CheckContext context() {
        String name = server.serviceName() + " " + slot.keyword();
        return new CheckContext() {
            @Override
            public ScheduledExecutorService executor() {
                return loop;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
