package org.jkeepalived.core.internal.watchdog;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jkeepalived.core.api.watchdog.StuckLoop;
import org.jkeepalived.core.api.watchdog.Supervised;
import org.jkeepalived.core.api.watchdog.WatchdogListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watchdog's thread: each interval it sends a hello through every loop of every supervised
 * subsystem, and restarts a subsystem whose loop left a hello waiting longer than the timeout. It
 * is a thread of its own, never a loop it watches, so that a stuck loop cannot hide itself. When its
 * own round comes late by half the timeout, the whole process was held up (a GC pause, SIGSTOP, a
 * starved CPU), not one loop: it judges no loop on that round and sends the hellos afresh, for a
 * restart would not help and would make a master's silence longer.
 */
final class LoopSupervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoopSupervisor.class);

    private final WatchdogSettings settings;
    private final Supplier<List<Supervised>> subsystems;
    private final Supplier<List<WatchdogListener>> listeners;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread watchdog = new Thread(task, "watchdog");
        watchdog.setDaemon(true);
        return watchdog;
    });
    /** By subsystem, then by loop; used on the watchdog's thread only. */
    private final Map<String, Map<String, LoopWatch>> watches = new HashMap<>();
    private volatile boolean allAnswering = true;
    private volatile long lastRound = System.nanoTime();
    /** When the last round began; on the watchdog's thread only. */
    private long lastRoundStart;

    /**
     * @param settings interval and timeout
     * @param subsystems the supervised subsystems now
     * @param listeners told of each restart
     * @param clock the time of the alerts
     */
    LoopSupervisor(WatchdogSettings settings, Supplier<List<Supervised>> subsystems,
            Supplier<List<WatchdogListener>> listeners, Clock clock) {
        this.settings = settings;
        this.subsystems = subsystems;
        this.listeners = listeners;
        this.clock = clock;
    }

    void start() {
        long interval = settings.interval().toNanos();
        thread.scheduleAtFixedRate(this::round, interval, interval, TimeUnit.NANOSECONDS);
        LOG.info("watchdog: a hello through every loop each {} ms, stuck after {} ms", settings.interval().toMillis(),
                settings.timeout().toMillis());
    }

    /** @return whether every loop answers in time and the watchdog's own thread goes round */
    boolean healthy() {
        return allAnswering && System.nanoTime() - lastRound < settings.timeout().toNanos();
    }

    /**
     * @param name a loop's name
     * @return that loop, if a supervised subsystem runs one of that name
     */
    Optional<Executor> loop(String name) {
        return subsystems.get().stream().map(subsystem -> subsystem.loops().get(name)).filter(loop -> loop != null)
                .findFirst();
    }

    /** @return the names of the supervised loops */
    Set<String> loopNames() {
        Set<String> names = new HashSet<>();
        subsystems.get().forEach(subsystem -> names.addAll(subsystem.loops().keySet()));
        return names;
    }

    private void round() {
        long now = System.nanoTime();
        long late = lastRoundStart == 0 ? 0 : now - lastRoundStart - settings.interval().toNanos();
        lastRoundStart = now;
        if (late > settings.timeout().toNanos() / 2) {
            LOG.warn("watchdog: its round came {} ms late: the process was held up as a whole, not one loop; "
                    + "the hellos are sent again", TimeUnit.NANOSECONDS.toMillis(late));
            watches.clear();
        }
        boolean answering = true;
        Set<String> present = new HashSet<>();
        for (Supervised subsystem : subsystems.get()) {
            present.add(subsystem.subsystem());
            try {
                answering &= watch(subsystem, now);
            } catch (RuntimeException e) {
                LOG.error("watchdog: cannot watch {}: {}", subsystem.subsystem(), e.getMessage(), e);
            }
        }
        watches.keySet().retainAll(present);
        allAnswering = answering;
        lastRound = System.nanoTime();
    }

    /** @return whether every loop of the subsystem answers in time */
    private boolean watch(Supervised subsystem, long now) {
        Map<String, LoopWatch> known = watches.computeIfAbsent(subsystem.subsystem(), name -> new HashMap<>());
        Map<String, Executor> loops = subsystem.loops();
        known.keySet().retainAll(loops.keySet());
        long timeout = settings.timeout().toNanos();
        boolean answering = true;
        for (Map.Entry<String, Executor> loop : loops.entrySet()) {
            LoopWatch watch = known.get(loop.getKey());
            if (watch == null || watch.loop() != loop.getValue()) {
                // a new loop, or a fresh one of the same name after a restart
                watch = new LoopWatch(loop.getValue());
                known.put(loop.getKey(), watch);
            }
            long waiting = watch.waiting(now);
            if (waiting > timeout) {
                answering = false;
                // a restart that failed is not tried again each round: the loop stays stuck, the watchdog unhealthy
                if (!watch.restartFailed()) {
                    StuckLoop stuck = new StuckLoop(subsystem.subsystem(), loop.getKey(), Duration.ofNanos(waiting),
                            clock.instant());
                    if (restart(subsystem, stuck)) {
                        known.clear();
                        return false;
                    }
                    watch.markRestartFailed();
                }
            } else {
                watch.sendIfDue(now, settings.interval().toNanos());
            }
        }
        return answering;
    }

    /** @return whether the subsystem restarted */
    private boolean restart(Supervised subsystem, StuckLoop stuck) {
        LOG.error("watchdog: {}; restarting {} on a fresh loop", stuck.describe(), stuck.subsystem());
        boolean restarted;
        try {
            subsystem.restart(stuck);
            restarted = true;
            LOG.warn("watchdog: {} restarted", stuck.subsystem());
        } catch (RuntimeException e) {
            restarted = false;
            LOG.error("watchdog: {} could not be restarted: {}", stuck.subsystem(), e.getMessage(), e);
        }
        for (WatchdogListener listener : listeners.get()) {
            try {
                listener.subsystemRestarted(stuck, restarted);
            } catch (RuntimeException e) {
                LOG.error("watchdog listener {} failed", listener, e);
            }
        }
        return restarted;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
