package org.jkeepalived.vrrp.internal.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.jkeepalived.config.api.model.vrrp.VrrpScript;
import org.jkeepalived.core.api.process.Scripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the vrrp_scripts every interval on a thread of its own, never the VRRP loop, and reports a
 * script up after {@code rise} successes in a row and down after {@code fall} failures. A run that
 * outlives its timeout is killed with its children and counts as a failure; a run still going when
 * the next is due makes that one wait. A reload keeps the scripts that did not change, with their
 * state.
 */
final class ScriptTracker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptTracker.class);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread named = new Thread(task, "vrrp-track");
        named.setDaemon(true);
        return named;
    });
    private final BiConsumer<String, Boolean> changed;
    /** The scripts running, by name; used on the tracker's thread only. */
    private final Map<String, Tracked> tracked = new HashMap<>();

    /** @param changed told, on the tracker's thread, when a script goes up ({@code true}) or down */
    ScriptTracker(BiConsumer<String, Boolean> changed) {
        this.changed = changed;
    }

    /**
     * @param script a vrrp_script
     * @return whether it starts up: unless init_fail
     */
    static boolean initiallyUp(VrrpScript script) {
        return !script.initFail();
    }

    /**
     * Runs these scripts from now on.
     *
     * @param scripts the vrrp_scripts that instances track
     */
    void track(List<VrrpScript> scripts) {
        thread.execute(() -> {
            Map<String, VrrpScript> wanted = new HashMap<>();
            scripts.forEach(script -> wanted.put(script.name(), script));
            for (Tracked current : new ArrayList<>(tracked.values())) {
                if (!current.script.equals(wanted.get(current.script.name()))) {
                    current.stop();
                    tracked.remove(current.script.name());
                }
            }
            wanted.values().forEach(script -> tracked.computeIfAbsent(script.name(), name -> new Tracked(script)));
        });
    }

    @Override
    public void close() {
        thread.execute(() -> tracked.values().forEach(Tracked::stop));
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One script: its schedule, its run in progress and its counts. */
    private final class Tracked {

        final VrrpScript script;
        private final ScheduledFuture<?> schedule;
        private Process running;
        private boolean up;
        private int successes;
        private int failures;
        private boolean stopped;

        Tracked(VrrpScript script) {
            this.script = script;
            this.up = initiallyUp(script);
            long interval = script.interval().toNanos();
            this.schedule = thread.scheduleAtFixedRate(this::run, 0, interval, TimeUnit.NANOSECONDS);
        }

        private void run() {
            if (running != null) {
                return;
            }
            try {
                Process process = Scripts.start(script.script().argv(), script.script().user(), script.script().group(), List.of());
                running = process;
                ScheduledFuture<?> timeout = thread.schedule(() -> timedOut(process), script.timeout().toNanos(),
                        TimeUnit.NANOSECONDS);
                process.onExit().thenAccept(done -> thread.execute(() -> {
                    timeout.cancel(false);
                    finished(process, done.exitValue() == 0, "exit status " + done.exitValue());
                }));
            } catch (IOException e) {
                result(false, "cannot run it: " + e.getMessage());
            }
        }

        private void timedOut(Process process) {
            if (running == process) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                finished(process, false, "timed out after " + script.timeout().toMillis() + " ms");
            }
        }

        private void finished(Process process, boolean success, String how) {
            if (running != process) {
                return;
            }
            running = null;
            result(success, how);
        }

        private void result(boolean success, String how) {
            if (stopped) {
                return;
            }
            if (success) {
                failures = 0;
                successes++;
            } else {
                successes = 0;
                failures++;
            }
            if (!up && success && successes >= script.rise()) {
                up = true;
                LOG.info("vrrp_script {} succeeded: up", script.name());
                changed.accept(script.name(), true);
            } else if (up && !success && failures >= script.fall()) {
                up = false;
                LOG.warn("vrrp_script {} failed ({}): down", script.name(), how);
                changed.accept(script.name(), false);
            }
        }

        void stop() {
            stopped = true;
            schedule.cancel(false);
            if (running != null) {
                running.descendants().forEach(ProcessHandle::destroyForcibly);
                running.destroyForcibly();
            }
        }
    }
}
