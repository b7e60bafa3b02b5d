package org.jkeepalived.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import org.jkeepalived.testing.netns.Command;

/**
 * Reload of a large configuration, jkeepalived beside Debian keepalived: 2,000 virtual servers of
 * 20 real servers (40,000 destinations in the kernel's IPVS) and one VRRP instance, master with
 * advert_int 1. Once the daemon has the whole table, the configuration is rewritten with about 1%
 * of the real servers changed ({@link ReloadWorkload}) and the daemon sent SIGHUP; measured are the
 * time from the signal until the changed services are exactly as the new configuration says, and
 * the longest silence between two adverts around it, as another interface of the segment captures
 * them. The reloads alternate between the two configurations. After each one the whole table is
 * read with {@code ipvsadm -S -n} and compared with the one wanted.
 *
 * <p>The changed services (and a sample of unchanged ones, to see whether a reload disturbs what
 * did not change) are polled through generic netlink, one dump per service: a poll round of the
 * changed services and a pause of 5 ms bound the resolution; the round is printed. A dump of the whole table is far slower.
 *
 * <p>It needs the kernel's IPVS and runs in the network namespace it is started in, making a veth
 * pair there: {@code benchmarks/reload-side-by-side} runs it in a kernel-vm guest. Properties:
 * {@code -Ddistribution=} the jkeepalived tar.gz, {@code -DvirtualServers=2000}, {@code -DrealServers=20}
 * (per virtual server), {@code -Dreloads=5}, {@code -Ddaemons=keepalived,jkeepalived},
 * {@code -Dsettle=10} seconds between loading and the first reload, {@code -Dpause=5} seconds after
 * each reload, {@code -DdaemonJavaOptions=} more JVM options for jkeepalived.
 */
public final class ReloadSideBySide {

    private static final String OBSERVER = "veth1";
    private static final double ADVERT_INTERVAL = 1.0;
    private static final int SIGHUP = 1;
    private static final int UNCHANGED_SAMPLE = 20;
    /** Between poll rounds, so that the poller leaves the daemon most of the CPUs. */
    private static final long POLL_PAUSE_MILLIS = 5;
    private static final long LOAD_TIMEOUT_SECONDS = 1800;
    private static final long RELOAD_TIMEOUT_SECONDS = 600;

    private final ReloadWorkload workload;
    private final Path directory;
    private final int reloads;
    private final long settleSeconds;
    private final long pauseSeconds;

    private ReloadSideBySide(ReloadWorkload workload, Path directory, int reloads, long settleSeconds, long pauseSeconds) {
        this.workload = workload;
        this.directory = directory;
        this.reloads = reloads;
        this.settleSeconds = settleSeconds;
        this.pauseSeconds = pauseSeconds;
    }

    public static void main(String[] args) throws Exception {
        ReloadWorkload workload = new ReloadWorkload(Integer.getInteger("virtualServers", 2000), Integer.getInteger("realServers", 20));
        Path directory = Files.createTempDirectory("reload");
        ReloadSideBySide bench = new ReloadSideBySide(workload, directory, Integer.getInteger("reloads", 5),
                Long.getLong("settle", 10), Long.getLong("pause", 5));
        UnpackedDistribution distribution = UnpackedDistribution.unpack(Path.of(System.getProperty("distribution")), directory);
        segment();
        System.out.printf("reload of %d virtual servers, %d real servers (%d changed, in %d virtual servers), %d reloads, "
                + "%d CPUs, load average %s%n", workload.virtualServers(), workload.realServers(), workload.changedRealServers(),
                workload.changedServices().size(), bench.reloads, Runtime.getRuntime().availableProcessors(), loadAverage());
        Map<String, Run> runs = new LinkedHashMap<>();
        for (String daemon : System.getProperty("daemons", "keepalived,jkeepalived").split(",")) {
            Daemon start = daemon.equals("keepalived") ? bench::startKeepalived : config -> bench.startJkeepalived(distribution, config);
            try {
                runs.put(daemon, bench.measure(daemon, start));
            } catch (RuntimeException e) {
                bench.printLogs();
                throw e;
            }
        }
        print(workload, runs);
    }

    /** The services that are not as wanted. */
    private static void printDifferences(Map<String, Map<String, Integer>> seen, Map<String, Map<String, Integer>> wanted) {
        wanted.forEach((service, destinations) -> {
            if (!destinations.equals(seen.get(service))) {
                System.out.printf("%s: wanted %s%n%s: seen   %s%n", service, destinations, service, seen.get(service));
            }
        });
    }

    /**
     * The end of each log and daemon output under the run's directory, and of the JVM crash reports in
     * /tmp (-XX:ErrorFile=/tmp/hs_err_%p.log): a guest keeps nothing once it stops.
     */
    private void printLogs() throws IOException {
        List<Path> logs = new ArrayList<>();
        for (Path root : List.of(directory, Path.of("/tmp"))) {
            try (Stream<Path> files = Files.walk(root, root.equals(directory) ? Integer.MAX_VALUE : 1)) {
                files.filter(file -> file.getFileName().toString().matches(".*\\.(log|out)")
                        && (root.equals(directory) || file.getFileName().toString().startsWith("hs_err"))).forEach(logs::add);
            }
        }
        for (Path log : logs) {
            List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
            // a crash report says what crashed, and where, first
            boolean crash = log.getFileName().toString().startsWith("hs_err");
            System.out.println("--- the " + (crash ? "first" : "last") + " 150 lines of " + log);
            (crash ? lines.subList(0, Math.min(150, lines.size())) : lines.subList(Math.max(0, lines.size() - 150), lines.size()))
                    .forEach(System.out::println);
        }
    }

    /** Starts a daemon on a configuration file. */
    private interface Daemon {
        Process start(Path config) throws IOException;
    }

    /**
     * One reload.
     *
     * @param seconds from SIGHUP to the changed services as wanted
     * @param gap the longest silence between adverts that covers part of it, seconds
     * @param otherPriority adverts of another priority during it and the pause after it
     * @param wrong differences between the whole table after the pause and the one wanted
     * @param disturbed poll rounds that found an unchanged service other than it was
     * @param rounds poll rounds
     */
    record Reload(double seconds, double gap, long otherPriority, int wrong, int disturbed, int rounds) {
    }

    /**
     * @param loadSeconds from the start to the whole table in IPVS
     * @param gapBefore the longest silence between adverts while idle before the first reload
     * @param dumpSeconds how long {@code ipvsadm -S -n} took on the whole table
     * @param roundSeconds how long a poll round took, on average
     * @param reloads the reloads
     */
    record Run(double loadSeconds, double gapBefore, double dumpSeconds, double roundSeconds, List<Reload> reloads) {
    }

    private Run measure(String name, Daemon daemon) throws Exception {
        IpvsTable.clear();
        Path config = directory.resolve(name + ".conf");
        write(config, workload.config(false));
        List<String> changed = workload.changedServices();
        List<String> unchanged = workload.unchangedServices(UNCHANGED_SAMPLE);
        List<String> watched = new ArrayList<>(changed);
        watched.addAll(unchanged);
        try (AdvertCapture capture = AdvertCapture.start(OBSERVER, ReloadWorkload.ROUTER_ADDRESS);
             IpvsTable ipvs = IpvsTable.open()) {
            long started = System.nanoTime();
            Process process = daemon.start(config);
            try {
                double dumpSeconds = awaitTable(name, process, workload.table(false));
                double loadSeconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("%s: %d destinations in IPVS %.1f s after its start; ipvsadm -S -n takes %.2f s%n", name,
                        workload.realServers(), loadSeconds, dumpSeconds);
                awaitAdverts(name, process, capture);
                double idleFrom = epochSeconds();
                Thread.sleep(TimeUnit.SECONDS.toMillis(settleSeconds));
                double gapBefore = capture.longestGap(idleFrom, epochSeconds() - ADVERT_INTERVAL);
                List<Reload> done = new ArrayList<>();
                long roundNanos = 0;
                for (int i = 0; i < reloads; i++) {
                    boolean changedConfig = i % 2 == 0;
                    Map<String, Map<String, Integer>> wanted = workload.table(changedConfig);
                    Map<String, Map<String, Integer>> wantedWatched = IpvsTable.part(wanted, watched);
                    Map<String, Map<String, Integer>> wantedUnchanged = IpvsTable.part(wanted, unchanged);
                    write(config, workload.config(changedConfig));
                    double sentAt = epochSeconds();
                    long sent = System.nanoTime();
                    Signals.INSTANCE.kill((int) process.pid(), SIGHUP);
                    int rounds = 0;
                    int disturbed = 0;
                    long deadline = sent + TimeUnit.SECONDS.toNanos(RELOAD_TIMEOUT_SECONDS);
                    while (true) {
                        Map<String, Map<String, Integer>> seen = ipvs.read(watched);
                        rounds++;
                        if (IpvsTable.differences(seen, wantedWatched) == 0) {
                            break;
                        }
                        if (IpvsTable.differences(IpvsTable.part(seen, unchanged), wantedUnchanged) != 0) {
                            disturbed++;
                        }
                        alive(name, process);
                        Thread.sleep(POLL_PAUSE_MILLIS);
                        if (System.nanoTime() > deadline) {
                            printDifferences(seen, wantedWatched);
                            throw new IllegalStateException(name + ": reload " + (i + 1) + " not applied within "
                                    + RELOAD_TIMEOUT_SECONDS + " s");
                        }
                    }
                    long applied = System.nanoTime() - sent;
                    roundNanos += applied / rounds;
                    double appliedAt = sentAt + applied / 1e9;
                    Thread.sleep(TimeUnit.SECONDS.toMillis(pauseSeconds));
                    int wrong = IpvsTable.differences(IpvsTable.dump(), wanted);
                    Reload reload = new Reload(applied / 1e9, capture.longestGap(sentAt, appliedAt),
                            capture.otherPriorities(sentAt, appliedAt + pauseSeconds, ReloadWorkload.PRIORITY), wrong, disturbed, rounds);
                    System.out.printf("%s reload %d: applied in %.3f s (%d poll rounds), longest advert gap %.3f s, "
                            + "%d adverts of another priority, %d differences in the whole table after %d s, %d rounds saw "
                            + "an unchanged service disturbed%n", name, i + 1, reload.seconds(), rounds, reload.gap(),
                            reload.otherPriority(), wrong, pauseSeconds, disturbed);
                    done.add(reload);
                }
                return new Run(loadSeconds, gapBefore, dumpSeconds, roundNanos / 1e9 / Math.max(1, reloads), done);
            } finally {
                UnpackedDistribution.stop(process);
            }
        }
    }

    /** @return how long the last dump took, once the table is the one wanted */
    private double awaitTable(String name, Process process, Map<String, Map<String, Integer>> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_TIMEOUT_SECONDS);
        int last = -1;
        while (System.nanoTime() < deadline) {
            alive(name, process);
            long before = System.nanoTime();
            Map<String, Map<String, Integer>> table = IpvsTable.dump();
            double took = (System.nanoTime() - before) / 1e9;
            if (IpvsTable.differences(table, wanted) == 0) {
                return took;
            }
            int destinations = IpvsTable.destinations(table);
            if (destinations != last) {
                System.out.printf("%s: %d destinations so far%n", name, destinations);
                last = destinations;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(name + " did not fill IPVS within " + LOAD_TIMEOUT_SECONDS + " s");
    }

    private static void awaitAdverts(String name, Process process, AdvertCapture capture) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (capture.adverts().stream().filter(advert -> advert.priority() == ReloadWorkload.PRIORITY).count() < 2) {
            alive(name, process);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " sent no adverts as master within 120 s");
            }
            Thread.sleep(200);
        }
    }

    private static void alive(String name, Process process) {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue());
        }
    }

    private Process startKeepalived(Path config) throws IOException {
        return new ProcessBuilder("keepalived", "--dont-fork", "--log-console", "--no-syslog", "--use-file", config.toString(),
                "--pid", directory.resolve("keepalived.pid").toString(), "--vrrp_pid", directory.resolve("keepalived-vrrp.pid").toString(),
                "--checkers_pid", directory.resolve("keepalived-checkers.pid").toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("keepalived.out").toFile()).start();
    }

    /** Logs to its data directory only: keepalived logs to the console only, so each writes every line once. */
    private Process startJkeepalived(UnpackedDistribution distribution, Path config) throws IOException {
        return distribution.start("jkeepalived", config, Map.of("KARAF_OPTS", "-Djkeepalived.dataplane=kernel",
                "EXTRA_JAVA_OPTS", System.getProperty("daemonJavaOptions", "")));
    }

    /** The segment: the router's end of a veth pair, and the other end where its adverts are captured. */
    private static void segment() {
        Command.run(List.of("ip", "link", "del", ReloadWorkload.INTERFACE));
        Command.runOrFail("ip", "link", "add", ReloadWorkload.INTERFACE, "type", "veth", "peer", "name", OBSERVER);
        Command.runOrFail("ip", "addr", "add", ReloadWorkload.ROUTER_ADDRESS + "/24", "dev", ReloadWorkload.INTERFACE);
        Command.runOrFail("ip", "addr", "add", "192.0.2.2/24", "dev", OBSERVER);
        Command.runOrFail("ip", "link", "set", ReloadWorkload.INTERFACE, "up");
        Command.runOrFail("ip", "link", "set", OBSERVER, "up");
    }

    /** Replaces the file at once, so that a reload never reads half of it. */
    private static void write(Path config, String text) throws IOException {
        Path next = Files.writeString(config.resolveSibling(config.getFileName() + ".next"), text);
        Files.move(next, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static double epochSeconds() {
        Instant now = Instant.now();
        return now.getEpochSecond() + now.getNano() / 1e9;
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static void print(ReloadWorkload workload, Map<String, Run> runs) throws IOException {
        System.out.printf("%nReload: %d virtual servers, %d real servers, %d changed; SIGHUP to the changed services applied, "
                + "and the longest advert gap around it (advert_int %.0f s); load average %s%n%n", workload.virtualServers(),
                workload.realServers(), workload.changedRealServers(), ADVERT_INTERVAL, loadAverage());
        System.out.printf("%-12s %8s %10s %10s %10s %10s %10s %8s %8s %10s%n", "daemon", "load s", "apply p50", "apply max",
                "gap p50", "gap max", "idle gap", "wrong", "prio", "round ms");
        for (Map.Entry<String, Run> entry : runs.entrySet()) {
            Run run = entry.getValue();
            List<Double> applied = run.reloads().stream().map(Reload::seconds).toList();
            List<Double> gaps = run.reloads().stream().map(Reload::gap).toList();
            System.out.printf("%-12s %8.1f %10.3f %10.3f %10.3f %10.3f %10.3f %8d %8d %10.1f%n", entry.getKey(), run.loadSeconds(),
                    percentile(applied, 50), percentile(applied, 100), percentile(gaps, 50), percentile(gaps, 100), run.gapBefore(),
                    run.reloads().stream().mapToInt(Reload::wrong).sum(), run.reloads().stream().mapToLong(Reload::otherPriority).sum(),
                    run.roundSeconds() * 1000);
        }
        Run keepalived = runs.get("keepalived");
        Run jkeepalived = runs.get("jkeepalived");
        if (keepalived != null && jkeepalived != null) {
            System.out.printf("%-12s %8.2f %10.2f %10.2f %10.2f %10.2f%n", "ratio jk/ka", jkeepalived.loadSeconds() / keepalived.loadSeconds(),
                    ratio(jkeepalived, keepalived, Reload::seconds, 50), ratio(jkeepalived, keepalived, Reload::seconds, 100),
                    ratio(jkeepalived, keepalived, Reload::gap, 50), ratio(jkeepalived, keepalived, Reload::gap, 100));
        }
        System.out.printf("%nload s: start to the whole table in IPVS; apply: SIGHUP to the changed services as wanted, read "
                + "by polling them through generic netlink (resolution: a poll round); gap: longest silence between adverts "
                + "covering the reload; wrong: differences in the whole table (ipvsadm -S -n) after each reload; prio: adverts "
                + "of another priority than the master's%n");
    }

    private static double ratio(Run jk, Run ka, java.util.function.ToDoubleFunction<Reload> what, int percent) {
        return percentile(jk.reloads().stream().map(what::applyAsDouble).toList(), percent)
                / percentile(ka.reloads().stream().map(what::applyAsDouble).toList(), percent);
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.max(0, index));
    }

    /** kill(2). */
    private interface Signals extends Library {
        Signals INSTANCE = Native.load("c", Signals.class);

        int kill(int pid, int signal) throws LastErrorException;
    }
}
