package org.jkeepalived.healthcheck.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.netty.channel.EventLoop;
import org.jkeepalived.config.api.model.lvs.RealServer;
import org.jkeepalived.healthcheck.api.CheckerDetail;
import org.jkeepalived.healthcheck.api.CheckerState;
import org.jkeepalived.healthcheck.api.HealthEvent;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real server and its checkers, owned by one checker loop: every method runs there. The real
 * server is up while every checker is up (keepalived's num_failed_checkers at 0); each change of
 * that, and of its weight, is published once with the checker that caused it.
 */
final class RealServerMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(RealServerMonitor.class);
    private static final String ALPHA = "alpha: down until a probe passes";

    private final RealServerKey key;
    private final EventLoop loop;
    private final HealthPublisher publisher;
    private final ProbeLateness lateness;
    /** In the order the blocks are written. */
    private List<CheckerRun> runs = List.of();
    private RealServer config;
    private boolean up;
    private int weight;
    private Instant since;
    private boolean removed;

    RealServerMonitor(RealServerKey key, EventLoop loop, HealthPublisher publisher, ProbeLateness lateness) {
        this.key = key;
        this.loop = loop;
        this.publisher = publisher;
        this.lateness = lateness;
    }

    EventLoop loop() {
        return loop;
    }

    ProbeLateness lateness() {
        return lateness;
    }

    /** @return the real server as logs name it, {@code [192.0.2.10]:tcp:80} */
    String serviceName() {
        return key.realServerName();
    }

    /**
     * Starts checking a real server that is new: a checker starts down if it is {@code alpha}, up
     * otherwise; its first probe comes after a random part of its warmup.
     *
     * @param realServer the real server's configuration
     * @param checkers its checker blocks, bound
     */
    void start(RealServer realServer, List<SlotPlan.Added> checkers) {
        config = realServer;
        weight = realServer.weight();
        since = Instant.now();
        List<CheckerRun> started = new ArrayList<>();
        for (SlotPlan.Added added : checkers) {
            boolean alpha = added.slot().settings().alpha();
            started.add(newRun(added, !alpha, false));
        }
        runs = List.copyOf(started);
        up = runs.stream().allMatch(CheckerRun::isUp);
        LOG.info("Activating healthchecker for service {} for VS {}", serviceName(), key.virtualServerName());
        publisher.publish(HealthEvent.Kind.ADDED, health(), up ? "added" : "added down: " + ALPHA, Optional.empty());
    }

    /**
     * Takes over a real server whose checker loop got stuck: its checkers start again on this loop
     * with the health last published, and nothing is published, as nothing changed.
     *
     * @param realServer the real server's configuration
     * @param checkers its checker blocks, bound
     * @param last what was last published of it; without it the real server starts as new
     */
    void resume(RealServer realServer, List<SlotPlan.Added> checkers, Optional<RealServerHealth> last) {
        if (last.isEmpty() || last.get().checkers().size() != checkers.size()) {
            start(realServer, checkers);
            return;
        }
        RealServerHealth health = last.get();
        config = realServer;
        weight = health.weight();
        since = health.since();
        up = health.up();
        List<CheckerRun> resumed = new ArrayList<>();
        for (int i = 0; i < checkers.size(); i++) {
            CheckerState state = health.checkers().get(i);
            resumed.add(newRun(checkers.get(i), state.up(), false, state.up() ? "" : state.detail()));
        }
        runs = List.copyOf(resumed);
        LOG.info("service {} of VS {}: checks resume on {} {}", serviceName(), key.virtualServerName(),
                Thread.currentThread().getName(), up ? "up" : "down");
        refresh();
    }

    /**
     * Applies a new configuration of this real server, as keepalived migrates checkers on reload:
     * kept checkers go on with their state; when one of them is down, or the real server is down
     * and none has run, new {@code alpha} checkers start down and every new checker needs only one
     * failure to go down.
     *
     * @param realServer the real server's new configuration
     * @param plan each of its blocks: kept or new, in the order written
     * @param gone the slots of blocks that are no longer there
     */
    void reconfigure(RealServer realServer, List<SlotPlan> plan, List<CheckerSlot> gone) {
        Map<CheckerSlot, CheckerRun> bySlot = new IdentityHashMap<>();
        runs.forEach(run -> bySlot.put(run.slot(), run));
        for (CheckerSlot slot : gone) {
            bySlot.remove(slot).stop(null);
        }
        List<CheckerRun> kept = new ArrayList<>();
        for (SlotPlan item : plan) {
            if (item instanceof SlotPlan.Kept keep) {
                CheckerRun run = bySlot.get(keep.previous());
                run.relocate(keep.slot());
                kept.add(run);
            }
        }
        boolean keptFailing = kept.stream().anyMatch(run -> run.hasRun() && !run.isUp());
        boolean pessimistic = keptFailing || (!up && kept.stream().noneMatch(CheckerRun::hasRun));
        List<CheckerRun> next = new ArrayList<>();
        int keptIndex = 0;
        for (SlotPlan item : plan) {
            if (item instanceof SlotPlan.Added added) {
                next.add(newRun(added, !(pessimistic && added.slot().settings().alpha()), pessimistic));
            } else {
                next.add(kept.get(keptIndex++));
            }
        }
        runs = List.copyOf(next);
        int previousWeight = weight;
        if (realServer.weight() != config.weight()) {
            weight = realServer.weight();
        }
        config = realServer;
        boolean nowUp = runs.stream().allMatch(CheckerRun::isUp);
        if (nowUp != up) {
            transition(nowUp, "configuration reloaded", Optional.empty());
        } else if (weight != previousWeight) {
            logWeight(previousWeight);
            publisher.publish(HealthEvent.Kind.WEIGHT, health(), "configuration reloaded with weight " + weight, Optional.empty());
        } else {
            refresh();
        }
    }

    /**
     * A plugin arrived for one of the checkers, or left it: probes start with the new definition, or
     * stop with the reason.
     *
     * @param slot the checker's block
     * @param binding the new binding
     */
    void bind(CheckerSlot slot, Binding binding) {
        if (removed) {
            return;
        }
        for (CheckerRun run : runs) {
            if (run.slot() == slot) {
                if (binding instanceof Binding.Bound bound) {
                    run.start(bound, firstDeadline(slot));
                } else {
                    run.stop(((Binding.Unbound) binding).reason());
                    refresh();
                }
                return;
            }
        }
    }

    /** The real server left the configuration: its checks stop and listeners are told. */
    void remove() {
        runs.forEach(run -> run.stop(null));
        removed = true;
        LOG.info("service {} of VS {} no longer exists: its checks stop", serviceName(), key.virtualServerName());
        publisher.publish(HealthEvent.Kind.REMOVED, health(), "removed from the configuration", Optional.empty());
    }

    /** The engine stops: checks stop and nothing is said. */
    void shutdown() {
        runs.forEach(run -> run.stop(null));
        removed = true;
    }

    /** @return its checkers, with timers and counters */
    List<CheckerDetail> details() {
        return runs.stream().map(CheckerRun::detail).toList();
    }

    /**
     * A checker went up or down.
     *
     * @param run the checker
     * @param cause one line saying what happened
     */
    void checkerChanged(CheckerRun run, String cause) {
        if (removed) {
            return;
        }
        boolean nowUp = runs.stream().allMatch(CheckerRun::isUp);
        if (nowUp != up) {
            transition(nowUp, cause, Optional.of(run));
        } else {
            refresh();
        }
    }

    /**
     * A checker's outcome set the weight, as MISC_CHECK's misc_dynamic does.
     *
     * @param run the checker
     * @param newWeight the weight
     */
    void weightSet(CheckerRun run, int newWeight) {
        if (removed || newWeight == weight) {
            return;
        }
        int previous = weight;
        weight = newWeight;
        logWeight(previous);
        publisher.publish(HealthEvent.Kind.WEIGHT, health(), run.slot() + " set weight " + newWeight, Optional.of(run.state()));
    }

    /**
     * A checker moved the weight by an offset from the configured one (FILE_CHECK's value times its
     * weight); the weight stays within 0 and the largest IPVS takes.
     *
     * @param run the checker
     * @param offset what to add to the configured weight
     */
    void weightOffset(CheckerRun run, long offset) {
        weightSet(run, (int) Math.max(0, Math.min(Integer.MAX_VALUE, config.weight() + offset)));
    }

    /** Writes a change that listeners are not told of (a failed probe, a plugin leaving) to the snapshot. */
    void refresh() {
        if (!removed) {
            publisher.update(health());
        }
    }

    private RealServerHealth health() {
        return new RealServerHealth(key, up, weight, config.weight(), since, runs.stream().map(CheckerRun::state).toList());
    }

    private CheckerRun newRun(SlotPlan.Added added, boolean initiallyUp, boolean oneFailureIsEnough) {
        return newRun(added, initiallyUp, oneFailureIsEnough, initiallyUp ? "" : ALPHA);
    }

    private CheckerRun newRun(SlotPlan.Added added, boolean initiallyUp, boolean oneFailureIsEnough, String downReason) {
        String waiting = added.binding() instanceof Binding.Unbound unbound ? unbound.reason() : "starting";
        CheckerRun run = new CheckerRun(this, added.slot(), initiallyUp, downReason, waiting);
        if (oneFailureIsEnough) {
            run.oneFailureIsEnough();
        }
        if (added.binding() instanceof Binding.Bound bound) {
            run.start(bound, firstDeadline(added.slot()));
        }
        return run;
    }

    /** Now plus a random part of warmup, so that checkers started together spread over it. */
    private static long firstDeadline(CheckerSlot slot) {
        long warmup = slot.settings().warmup().toNanos();
        return System.nanoTime() + (warmup == 0 ? 0 : ThreadLocalRandom.current().nextLong(warmup + 1));
    }

    private void transition(boolean nowUp, String cause, Optional<CheckerRun> run) {
        up = nowUp;
        since = Instant.now();
        boolean inhibit = config.inhibitOnFailure();
        if (nowUp) {
            LOG.info("{} service {} to VS {}", inhibit ? "Enabling" : "Adding", serviceName(), key.virtualServerName());
        } else {
            LOG.info("{} service {} from VS {}", inhibit ? "Disabling" : "Removing", serviceName(), key.virtualServerName());
        }
        publisher.publish(nowUp ? HealthEvent.Kind.UP : HealthEvent.Kind.DOWN, health(), cause, run.map(CheckerRun::state));
    }

    private void logWeight(int previous) {
        LOG.info("Changing weight from {} to {} for {} service {} of VS {}", previous, weight, up ? "active" : "inactive",
                serviceName(), key.virtualServerName());
    }
}
