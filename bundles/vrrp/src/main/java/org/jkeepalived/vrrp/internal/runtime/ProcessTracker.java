package org.jkeepalived.vrrp.internal.runtime;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import org.jkeepalived.config.api.model.vrrp.TrackProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the vrrp_track_processes that instances track: counts the running processes each one
 * matches, and reports it up once the count has been from its quorum to its quorum_max for
 * fork_delay, and down once it has been outside for terminate_delay. A reload keeps the
 * vrrp_track_processes that did not change, with their state and any delay under way.
 *
 * <p>keepalived hears of every fork, exec and exit from the kernel's proc connector. The connector
 * speaks only to the initial network namespace, and jkeepalived often runs in another, so this
 * tracker reads /proc every 500 ms instead: a change is seen up to that late, and a process that
 * lives for less may go unseen. It scans on a thread of its own, which runs only while some process
 * is tracked, and reads command lines only when some vrrp_track_process needs them.
 */
final class ProcessTracker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessTracker.class);
    private static final Duration SCAN_INTERVAL = Duration.ofMillis(500);
    private static final long ANSWER_SECONDS = 5;

    /** Its thread ends a second after the scans stop, and starts again with the next task. */
    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, task -> {
        Thread named = new Thread(task, "vrrp-track-process");
        named.setDaemon(true);
        return named;
    });
    private final BiConsumer<String, Boolean> changed;
    /** Whether some process is tracked, so that tracking none starts no thread; guarded by this. */
    private boolean following;
    /** The tracked processes, by name; used on the tracker's thread only, as the fields below. */
    private final Map<String, Tracked> tracked = new HashMap<>();
    private ScheduledFuture<?> scans;
    private boolean unreadable;

    /** @param changed told, on the tracker's thread, when a vrrp_track_process goes up ({@code true}) or down */
    ProcessTracker(BiConsumer<String, Boolean> changed) {
        this.changed = changed;
        thread.setKeepAliveTime(1, TimeUnit.SECONDS);
        thread.allowCoreThreadTimeOut(true);
        thread.setRemoveOnCancelPolicy(true);
    }

    /**
     * Follows these from now on. Each new or changed one is counted and reported before this returns,
     * at once, without its fork_delay, so that the instances start with its state.
     *
     * @param processes the vrrp_track_processes that instances track
     */
    synchronized void track(List<TrackProcess> processes) {
        if (processes.isEmpty() && !following) {
            return;
        }
        following = !processes.isEmpty();
        try {
            thread.submit(() -> update(processes)).get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.error("vrrp_track_process: cannot follow the processes: {}", e.getCause().toString());
        } catch (TimeoutException e) {
            LOG.warn("vrrp_track_process: /proc was not read in {} s; the processes' states follow when it is",
                    ANSWER_SECONDS);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void update(List<TrackProcess> processes) {
        Map<String, TrackProcess> wanted = new HashMap<>();
        processes.forEach(process -> wanted.put(process.name(), process));
        tracked.values().removeIf(current -> {
            boolean gone = !current.definition.equals(wanted.get(current.definition.name()));
            if (gone) {
                current.cancelChange();
            }
            return gone;
        });
        List<Tracked> added = new ArrayList<>();
        wanted.values().forEach(process -> tracked.computeIfAbsent(process.name(), name -> {
            Tracked fresh = new Tracked(process);
            added.add(fresh);
            return fresh;
        }));
        if (!added.isEmpty()) {
            List<RunningProcess> running = running(added);
            added.forEach(fresh -> fresh.start(fresh.count(running)));
        }
        if (tracked.isEmpty() && scans != null) {
            scans.cancel(false);
            scans = null;
        } else if (!tracked.isEmpty() && scans == null) {
            long interval = SCAN_INTERVAL.toNanos();
            scans = thread.scheduleWithFixedDelay(this::scan, interval, interval, TimeUnit.NANOSECONDS);
        }
    }

    private void scan() {
        try {
            List<RunningProcess> running = running(tracked.values());
            tracked.values().forEach(current -> current.counted(current.count(running)));
        } catch (RuntimeException e) {
            // thrown out of a periodic task, it would end the scans
            LOG.error("vrrp_track_process: a scan failed", e);
        }
    }

    /** The processes running, with their command lines if one of {@code counting} needs them. */
    private List<RunningProcess> running(Iterable<Tracked> counting) {
        boolean commandLines = false;
        for (Tracked current : counting) {
            commandLines |= current.definition.readsCommandLine();
        }
        try {
            List<RunningProcess> running = ProcessTable.read(commandLines);
            if (unreadable) {
                LOG.info("vrrp_track_process: /proc is readable again");
                unreadable = false;
            }
            return running;
        } catch (IOException e) {
            if (!unreadable) {
                LOG.error("vrrp_track_process: cannot list /proc ({}); counting no process until it can", e.toString());
                unreadable = true;
            }
            return List.of();
        }
    }

    /** One vrrp_track_process: its state as reported, and the change waiting out its delay, if any. */
    private final class Tracked {

        final TrackProcess definition;
        private final ProcessPattern pattern;
        private final int quorumMax;
        private boolean up;
        private ScheduledFuture<?> change;

        Tracked(TrackProcess definition) {
            this.definition = definition;
            this.pattern = new ProcessPattern(definition);
            this.quorumMax = definition.quorumMax().orElse(Integer.MAX_VALUE);
        }

        int count(List<RunningProcess> running) {
            int count = 0;
            for (RunningProcess process : running) {
                if (pattern.matches(process)) {
                    count++;
                }
            }
            return count;
        }

        void start(int count) {
            up = quorate(count);
            LOG.info("vrrp_track_process {}: {} (matching processes: {})", definition.name(), up ? "up" : "down", count);
            changed.accept(definition.name(), up);
        }

        /** A change lasts its delay before it is reported; one that does not last is forgotten. */
        void counted(int count) {
            boolean quorum = quorate(count);
            if (quorum == up) {
                cancelChange();
            } else if (change == null) {
                Duration delay = quorum ? definition.forkDelay() : definition.terminateDelay();
                change = thread.schedule(() -> report(quorum, count), delay.toNanos(), TimeUnit.NANOSECONDS);
            }
        }

        void cancelChange() {
            if (change != null) {
                change.cancel(false);
                change = null;
            }
        }

        private void report(boolean nowUp, int count) {
            change = null;
            up = nowUp;
            if (up) {
                LOG.info("vrrp_track_process {}: up (matching processes: {})", definition.name(), count);
            } else {
                LOG.warn("vrrp_track_process {}: down (matching processes: {})", definition.name(), count);
            }
            changed.accept(definition.name(), up);
        }

        private boolean quorate(int count) {
            return count >= definition.quorum() && count <= quorumMax;
        }
    }
}
