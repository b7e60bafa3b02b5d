package org.jkeepalived.vrrp.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.jkeepalived.config.api.model.vrrp.TrackProcess;
import org.jkeepalived.config.api.model.vrrp.TrackProcess.ParameterMatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: copies of sleep under names no other process has, started and ended by the tests. */
class ProcessTrackerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** What the tracker reported, in order. */
    private record Report(String name, boolean up, long nanos) {
    }

    @TempDir
    Path directory;

    private final List<Report> reports = new CopyOnWriteArrayList<>();
    private final ProcessTracker tracker = new ProcessTracker((name, up) -> reports.add(new Report(name, up, System.nanoTime())));
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        tracker.close();
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Test
    void aProcessIsUpWhileOneRunsAndDownOnceItEnds() throws Exception {
        Path sleep = program();
        tracker.track(List.of(named("server", sleep)));
        assertThat(reported()).containsExactly("server down");

        Process process = start(sleep, "1000");
        awaitState("server", true);
        process.destroy();
        awaitState("server", false);
    }

    @Test
    void aNameMatchesExactlyNeverAPrefix() throws Exception {
        Path sleep = program();
        start(sleep, "1000");

        String name = sleep.getFileName().toString();
        tracker.track(List.of(named("prefix", Path.of(name.substring(0, name.length() - 1))), named("exact", sleep)));

        assertThat(state("prefix")).contains(false);
        assertThat(state("exact")).contains(true);
    }

    @Test
    void theQuorumAndQuorumMaxBoundTheCount() throws Exception {
        Path sleep = program();
        TrackProcess pair = new TrackProcess("pair", sleep.getFileName().toString(), List.of(), Optional.empty(), 0, false,
                2, Optional.of(2), Duration.ZERO, Duration.ZERO, false);
        TrackProcess any = named("any", sleep);
        TrackProcess none = new TrackProcess("none", sleep.getFileName().toString(), List.of(), Optional.empty(), 0, false,
                0, Optional.of(0), Duration.ZERO, Duration.ZERO, false);
        List<TrackProcess> tracked = List.of(pair, any, none);
        tracker.track(tracked);
        assertThat(state("pair")).contains(false);
        assertThat(state("none")).contains(true);

        start(sleep, "1000");
        awaitState("any", true);
        awaitState("none", false);
        // the scan that counted one for "any" counted one for "pair": the same track() is a barrier on the tracker's thread
        tracker.track(tracked);
        assertThat(state("pair")).contains(false);

        start(sleep, "1000");
        awaitState("pair", true);
        start(sleep, "1000");
        awaitState("pair", false);
    }

    @Test
    void parametersAndTheFullCommandNarrowTheMatch() throws Exception {
        Path sleep = program();
        String name = sleep.getFileName().toString();
        start(sleep, "1000");

        tracker.track(List.of(
                matching("thousand", name, List.of("1000"), ParameterMatch.EXACT, false),
                matching("other", name, List.of("999"), ParameterMatch.EXACT, false),
                matching("start", name, List.of("10"), ParameterMatch.INITIAL, false),
                matching("fewer", name, List.of("10"), ParameterMatch.EXACT, false),
                matching("leading", name, List.of("1000"), ParameterMatch.PARTIAL, false),
                matching("none", name, List.of(), ParameterMatch.PARTIAL, false),
                matching("path", sleep.toString(), List.of(), null, true),
                matching("not_path", name, List.of(), null, true)));

        assertThat(state("thousand")).contains(true);
        assertThat(state("other")).contains(false);
        assertThat(state("start")).contains(true);
        assertThat(state("fewer")).contains(false);
        assertThat(state("leading")).contains(true);
        assertThat(state("none")).contains(false);
        assertThat(state("path")).contains(true);
        assertThat(state("not_path")).contains(false);
    }

    @Test
    void aZombieIsNotCounted() throws Exception {
        Path sleep = program();
        Path parent = program();
        // the shell forks the copy, which ends at once, and becomes a sleep that never reaps it
        started.add(new ProcessBuilder("/bin/sh", "-c", "'" + sleep + "' 0 & exec '" + parent + "' 1000").start());
        awaitTrue("a zombie named " + sleep.getFileName(), () -> zombie(sleep.getFileName().toString()));

        tracker.track(List.of(named("zombie", sleep)));

        assertThat(state("zombie")).contains(false);
    }

    @Test
    void forkAndTerminateDelaysHoldTheChangeBackAndABriefGapIsNeverReported() throws Exception {
        Path sleep = program();
        Duration delay = Duration.ofSeconds(2);
        TrackProcess delayed = new TrackProcess("delayed", sleep.getFileName().toString(), List.of(), Optional.empty(), 0,
                false, 1, Optional.empty(), delay, delay, false);
        tracker.track(List.of(delayed));

        long beforeStart = System.nanoTime();
        Process first = start(sleep, "1000");
        long up = awaitState("delayed", true).nanos();
        assertThat(Duration.ofNanos(up - beforeStart)).isGreaterThanOrEqualTo(delay).isLessThan(delay.plus(PATIENCE));

        // gone and back well within terminate_delay: no change
        first.destroy();
        first.waitFor();
        start(sleep, "1000");
        long restarted = System.nanoTime();
        awaitTrue("terminate_delay to pass", () -> System.nanoTime() - restarted > delay.plusSeconds(1).toNanos());
        tracker.track(List.of(delayed));
        assertThat(reported()).containsExactly("delayed down", "delayed up");

        long beforeEnd = System.nanoTime();
        started.forEach(Process::destroy);
        long down = awaitState("delayed", false).nanos();
        assertThat(Duration.ofNanos(down - beforeEnd)).isGreaterThanOrEqualTo(delay);
    }

    @Test
    void aReloadKeepsAnUnchangedProcessAndCountsAChangedOneAgain() throws Exception {
        Path sleep = program();
        start(sleep, "1000");
        TrackProcess server = named("server", sleep);
        tracker.track(List.of(server));
        assertThat(reported()).containsExactly("server up");

        tracker.track(List.of(server));
        assertThat(reported()).containsExactly("server up");

        TrackProcess changed = new TrackProcess("server", server.process(), List.of(), Optional.empty(), 0, false, 2,
                Optional.empty(), Duration.ZERO, Duration.ZERO, false);
        tracker.track(List.of(changed));
        assertThat(reported()).containsExactly("server up", "server down");
    }

    @Test
    void theTrackerRunsAThreadOnlyWhileSomeProcessIsTracked() throws Exception {
        awaitTrue("the threads of other trackers to end", () -> trackerThreads() == 0);
        tracker.track(List.of());
        assertThat(trackerThreads()).isZero();

        tracker.track(List.of(named("server", program())));
        assertThat(trackerThreads()).isOne();

        tracker.track(List.of());
        awaitTrue("the tracker's thread to end", () -> trackerThreads() == 0);
    }

    private Path program() throws IOException {
        Path copy = directory.resolve("jk-trk-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2));
        Files.copy(Path.of("/bin/sleep"), copy, StandardCopyOption.COPY_ATTRIBUTES);
        return copy;
    }

    private Process start(Path program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).start();
        started.add(process);
        String name = program.getFileName().toString();
        awaitTrue(name + " to run", () -> name.equals(comm(process.pid())));
        return process;
    }

    private static TrackProcess named(String name, Path program) {
        return new TrackProcess(name, program.getFileName().toString(), List.of(), Optional.empty(), 0, false, 1,
                Optional.empty(), Duration.ZERO, Duration.ZERO, false);
    }

    private static TrackProcess matching(String name, String process, List<String> parameters, ParameterMatch match,
            boolean fullCommand) {
        return new TrackProcess(name, process, parameters, Optional.ofNullable(match), 0, false, 1, Optional.empty(),
                Duration.ZERO, Duration.ZERO, fullCommand);
    }

    /** @return each report as "NAME up" or "NAME down" */
    private List<String> reported() {
        return reports.stream().map(report -> report.name() + (report.up() ? " up" : " down")).toList();
    }

    /** @return the last state reported for {@code name} */
    private Optional<Boolean> state(String name) {
        Boolean last = null;
        for (Report report : reports) {
            if (report.name().equals(name)) {
                last = report.up();
            }
        }
        return Optional.ofNullable(last);
    }

    private Report awaitState(String name, boolean up) throws InterruptedException {
        awaitTrue(name + (up ? " up" : " down"), () -> state(name).equals(Optional.of(up)));
        return reports.stream().filter(report -> report.name().equals(name)).reduce((first, second) -> second).orElseThrow();
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean zombie(String name) {
        try (var entries = Files.list(Path.of("/proc"))) {
            return entries.anyMatch(entry -> {
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    return stat.contains("(" + name + ") Z");
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long trackerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals("vrrp-track-process"))
                .count();
    }
}
