package org.jkeepalived.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jkeepalived.testing.netns.NetworkNamespace;

/**
 * Start-up and idle footprint of jkeepalived and of Debian keepalived running VRRP alone (--vrrp:
 * keepalived's checker needs IPVS, which not every kernel has) with the same configuration, one
 * instance starting as MASTER. Measured: the time from starting the daemon to its first advert on
 * the wire (tcpdump's timestamp), and after an idle while the proportional set size (PSS) and the
 * threads of all its processes. jkeepalived's runs share one data directory, as the starts of one
 * installation do: the first start installs the bundles into Karaf's cache, the restarts find them
 * there, so the first start is shown apart.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl benchmarks exec:exec@footprint -Druns=5 -Didle=60
 * </pre>
 */
public final class FootprintSideBySide {

    private static final String CONFIG = """
            vrrp_instance VI_1 {
                state MASTER
                interface eth0
                virtual_router_id 51
                priority 150
                advert_int 1
                virtual_ipaddress {
                    192.0.2.100/24
                }
            }
            """;

    private final Path directory;
    private final Path config;

    private FootprintSideBySide(Path directory) throws IOException {
        this.directory = directory;
        this.config = Files.writeString(directory.resolve("keepalived.conf"), CONFIG);
    }

    /** Starts one daemon in a namespace; its first process is the one whose tree is measured. */
    private interface Daemon {
        Process start(NetworkNamespace namespace, int run) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", 5);
        if (runs < 2) {
            throw new IllegalArgumentException("-Druns=" + runs + ": a first start and at least one restart are measured");
        }
        Duration idle = Duration.ofSeconds(Long.getLong("idle", 60));
        Path directory = Files.createTempDirectory("footprint");
        FootprintSideBySide bench = new FootprintSideBySide(directory);
        UnpackedDistribution distribution = UnpackedDistribution.unpack(Path.of(System.getProperty("distribution")), directory);

        Result keepalived = bench.measure((namespace, run) -> namespace.processBuilder("keepalived", "--vrrp", "--dont-fork",
                "--use-file", bench.config.toString(), "--pid", directory.resolve("ka" + run + ".pid").toString(),
                "--vrrp_pid", directory.resolve("ka-vrrp" + run + ".pid").toString(),
                "--checkers_pid", directory.resolve("ka-check" + run + ".pid").toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("keepalived" + run + ".out").toFile()).start(), runs, idle);
        Result jkeepalived = bench.measure((namespace, run) -> distribution.start(namespace, "jk", bench.config, "-P"), runs, idle);

        System.out.printf("Footprint: %d starts each, memory and threads after %d s idle%n%n", runs, idle.toSeconds());
        System.out.printf("%-12s %16s %28s %14s %10s%n", "", "first start ms", "restart to 1st advert ms", "idle PSS MB", "threads");
        keepalived.print("keepalived");
        jkeepalived.print("jkeepalived");
        System.out.printf("%-12s %16.2f %16.2f (p50) %23.1f %10.1f%n", "ratio jk/ka", jkeepalived.firstStart() / keepalived.firstStart(),
                jkeepalived.medianRestart() / keepalived.medianRestart(), jkeepalived.pssMegabytes / keepalived.pssMegabytes,
                (double) jkeepalived.threads / keepalived.threads);
    }

    /** @param startMillis start to first advert, each run; the memory and threads are those of the last run */
    private record Result(List<Double> startMillis, double pssMegabytes, int threads) {

        double firstStart() {
            return startMillis.get(0);
        }

        double medianRestart() {
            return restarts().sorted().toList().get((startMillis.size() - 1) / 2);
        }

        double maxRestart() {
            return restarts().mapToDouble(Double::doubleValue).max().orElseThrow();
        }

        private Stream<Double> restarts() {
            return startMillis.stream().skip(1);
        }

        void print(String daemon) {
            System.out.printf("%-12s %16.0f %16.0f (p50) %6.0f %16.1f %10d%n", daemon, firstStart(), medianRestart(), maxRestart(),
                    pssMegabytes, threads);
        }
    }

    private Result measure(Daemon daemon, int runs, Duration idle) throws Exception {
        List<Double> starts = new ArrayList<>();
        double pss = 0;
        int threads = 0;
        for (int run = 0; run < runs; run++) {
            try (NetworkNamespace namespace = NetworkNamespace.create()) {
                namespace.execOrFail("ip", "link", "add", "eth0", "type", "veth", "peer", "name", "eth1");
                namespace.execOrFail("ip", "addr", "add", "192.0.2.1/24", "dev", "eth0");
                namespace.execOrFail("ip", "link", "set", "eth1", "up");
                namespace.execOrFail("ip", "link", "set", "eth0", "up");
                Process capture = namespace.processBuilder("tcpdump", "-i", "eth0", "-n", "-tt", "-l", "-c", "1", "vrrp").start();
                awaitListening(capture);
                Instant started = Instant.now();
                Process process = daemon.start(namespace, run);
                try {
                    String first = new BufferedReader(new InputStreamReader(capture.getInputStream(), StandardCharsets.UTF_8)).readLine();
                    if (first == null) {
                        throw new IllegalStateException("no advert captured: see the daemon's output in " + directory);
                    }
                    double sent = Double.parseDouble(first.substring(0, first.indexOf(' ')));
                    starts.add(sent * 1000 - (started.getEpochSecond() * 1000 + started.getNano() / 1e6));
                    if (run == runs - 1) {
                        Thread.sleep(idle.toMillis());
                        pss = tree(process.toHandle()).mapToLong(FootprintSideBySide::pssKilobytes).sum() / 1024.0;
                        threads = tree(process.toHandle()).mapToInt(FootprintSideBySide::threads).sum();
                    }
                } finally {
                    capture.destroyForcibly();
                    UnpackedDistribution.stop(process);
                }
            }
        }
        return new Result(starts, pss, threads);
    }

    private static void awaitListening(Process capture) throws IOException {
        BufferedReader errors = new BufferedReader(new InputStreamReader(capture.getErrorStream(), StandardCharsets.UTF_8));
        for (String line; (line = errors.readLine()) != null; ) {
            if (line.contains("listening on")) {
                return;
            }
        }
        throw new IllegalStateException("tcpdump did not start");
    }

    private static Stream<ProcessHandle> tree(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants());
    }

    private static long pssKilobytes(ProcessHandle process) {
        return field(Path.of("/proc", Long.toString(process.pid()), "smaps_rollup"), "Pss:");
    }

    private static int threads(ProcessHandle process) {
        return (int) field(Path.of("/proc", Long.toString(process.pid()), "status"), "Threads:");
    }

    private static long field(Path file, String name) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(name)).findFirst()
                    .map(line -> Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0])).orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }
}
