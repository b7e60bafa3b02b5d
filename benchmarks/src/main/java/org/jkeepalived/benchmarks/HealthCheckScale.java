package org.jkeepalived.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.http.internal.HttpGetCheckerFactory;
import org.jkeepalived.checker.registry.api.CheckerRegistration;
import org.jkeepalived.checker.registry.api.CheckerRegistry;
import org.jkeepalived.checker.tcp.TcpCheckerFactory;
import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.healthcheck.api.HealthEvent;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.internal.HealthEngine;
import org.jkeepalived.healthcheck.internal.ProbeLateness;
import org.jkeepalived.testing.netns.NetworkNamespace;

/**
 * The health-checking engine at scale: 10,000 real servers listening on loopback (or any number, in
 * processes of their own, see {@link RealServerFarm}), each checked by TCP_CHECK (or 1,000 by
 * HTTP_GET, each fetching a page) with delay_loop 5 s, connect_timeout 2 s, retry 1 and
 * delay_before_retry 1 s, for a minute after two periods of warm-up. Prints, for that minute, the
 * CPU the checker threads use per second of checking, the lateness of probe starts against their
 * deadlines (p50, p99, max, within 12.5%), the time between two probes of a real server beyond
 * delay_loop as the real servers see it, then the heap, resident and proportional set size (PSS) of
 * the process. Last, {@code -Dkilled=N} real servers (100 by default) die at once and the time each
 * takes to be taken out is printed ({@link RemovalTiming}).
 *
 * <p>It runs in a network namespace of its own (it needs root), so that its listeners and the
 * checks' connections stay out of the host's loopback. The real servers' processes hold at most
 * 15,000 listeners each and raise their open-file limit to that (beyond the hard limit only with
 * CAP_SYS_RESOURCE; otherwise run it after {@code ulimit -n 16384}).
 *
 * <p>With {@code -Dengine=keepalived} the same real servers are checked by keepalived's checker
 * process ({@code keepalived --check}) with the same configuration instead, and its CPU and memory
 * are printed: keepalived's checker needs IPVS, so that run takes a kernel that has it
 * ({@code benchmarks/checkers-side-by-side} runs both engines in one kernel-vm guest, where
 * {@code -Dnamespace=false}: the guest is isolated already and its root file system read-only).
 *
 * <p>Run: {@code mvn -q install -DskipTests && mvn -q -pl benchmarks exec:exec@health-scale}
 * (optionally {@code -Dchecker=HTTP_GET}, {@code -Dseconds=N}, {@code -Dservers=N},
 * {@code -Dthreads=N} checker loops, {@code -Dwarmup=N} seconds before measuring, 10 by default,
 * {@code -Dkilled=N} real servers that die at the end).
 */
public final class HealthCheckScale {

    private static final int SERVERS_PER_VIRTUAL_SERVER = 100;
    private static final String DOWN_EVENT = "the engine's DOWN event to its listeners";
    private static final int DELAY_LOOP_SECONDS = 5;
    private static final int CONNECT_TIMEOUT_SECONDS = 2;
    private static final int RETRY = 1;
    private static final int DELAY_BEFORE_RETRY_SECONDS = 1;
    /** The settings of every checker, the same for both engines. */
    private static final String SETTINGS = "connect_timeout " + CONNECT_TIMEOUT_SECONDS + "\n            retry " + RETRY
            + "\n            delay_before_retry " + DELAY_BEFORE_RETRY_SECONDS;
    /**
     * The longest a dead real server may stay in: its next probe comes within delay_loop, is refused
     * at once, and is tried again {@code retry} times, {@code delay_before_retry} apart.
     */
    private static final Duration REMOVAL_BOUND = Duration.ofSeconds(DELAY_LOOP_SECONDS + (long) RETRY * DELAY_BEFORE_RETRY_SECONDS);

    /** What each real server answers and how it is checked. */
    private enum Workload {
        TCP_CHECK(10_000, "TCP_CHECK {\n            " + SETTINGS + "\n        }") {
            @Override
            CheckerFactory factory() {
                return new TcpCheckerFactory();
            }
        },
        HTTP_GET(1_000, "HTTP_GET {\n            url {\n                path /health\n                status_code 200\n            }\n"
                + "            " + SETTINGS + "\n        }") {
            @Override
            CheckerFactory factory() {
                return new HttpGetCheckerFactory();
            }
        };

        final int defaultServers;
        final String block;

        Workload(int defaultServers, String block) {
            this.defaultServers = defaultServers;
            this.block = block;
        }

        abstract CheckerFactory factory();
    }

    private HealthCheckScale() {
    }

    public static void main(String[] args) throws Exception {
        Workload workload = Workload.valueOf(System.getProperty("checker", "TCP_CHECK"));
        int servers = Integer.getInteger("servers", workload.defaultServers);
        int seconds = Integer.getInteger("seconds", 60);
        int threads = Integer.getInteger("threads", 2);
        // The first probes spread over warmup (delay_loop); one more period lets every checker settle.
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("warmup", 2 * DELAY_LOOP_SECONDS));
        boolean keepalived = "keepalived".equals(System.getProperty("engine", "jkeepalived"));
        // The probes in flight, one per real server at most, and the JVM's files; the real servers
        // listen in processes of their own. A checker that falls behind holds many sockets at once.
        OpenFiles.raise(servers + 4096L, 4096);
        if (!Boolean.parseBoolean(System.getProperty("namespace", "true"))) {
            run(workload, servers, seconds, threads, warmUp, keepalived);
            return;
        }
        try (NetworkNamespace namespace = NetworkNamespace.create()) {
            // Threads and processes started from here on live in the namespace: the listeners', the engine's.
            namespace.enter();
            run(workload, servers, seconds, threads, warmUp, keepalived);
        }
    }

    private static void run(Workload workload, int servers, int seconds, int threads, Duration warmUp, boolean keepalived) throws Exception {
        try (RealServerFarm farm = new RealServerFarm(servers, workload.name())) {
            String configText = configText(workload, servers);
            RemovalTiming removals = new RemovalTiming(farm, Math.min(Integer.getInteger("killed", 100), servers / 2),
                    SERVERS_PER_VIRTUAL_SERVER, REMOVAL_BOUND);
            System.out.printf("health checking at scale by %s: %d real servers on loopback, %s every %d s, %s, "
                    + "%d CPUs, %d s measured%n", keepalived ? "keepalived's checker process" : "jkeepalived", servers,
                    workload, DELAY_LOOP_SECONDS, keepalived ? "one process" : threads + " checker loops",
                    Runtime.getRuntime().availableProcessors(), seconds);
            System.out.printf("checker settings                     delay_loop %d s, connect_timeout %d s, retry %d, "
                    + "delay_before_retry %d s%n", DELAY_LOOP_SECONDS, CONNECT_TIMEOUT_SECONDS, RETRY, DELAY_BEFORE_RETRY_SECONDS);
            if (keepalived) {
                KeepalivedChecker.measure(configText, warmUp, Duration.ofSeconds(seconds), servers / DELAY_LOOP_SECONDS, farm,
                        removals);
            } else {
                measure(workload, configText, farm, seconds, threads, warmUp, removals);
            }
        }
    }

    private static void measure(Workload workload, String configText, RealServerFarm farm, int seconds, int threads, Duration warmUp,
            RemovalTiming removals) throws Exception {
        CheckerFactory factory = workload.factory();
        KeepalivedConfig config = config(factory, configText);
        long heapBefore = usedHeapAfterGc();
        long pssBefore = ProportionalSetSize.self();
        try (HealthEngine engine = new HealthEngine(threads, new OnePlugin(factory))) {
            engine.addListener(event -> {
                if (event.kind() == HealthEvent.Kind.DOWN) {
                    removals.seen(DOWN_EVENT, new InetSocketAddress(event.key().address(), event.key().port()));
                }
            });
            try (LvsLayer lvs = LvsLayer.start(System.getProperty("dataplane", "none"), config, engine).orElse(null)) {
                engine.apply(config);
                measure(engine, Optional.ofNullable(lvs), farm, seconds, warmUp, heapBefore, pssBefore, removals);
            }
        }
    }

    private static void measure(HealthEngine engine, Optional<LvsLayer> lvs, RealServerFarm farm, int seconds, Duration warmUp,
            long heapBefore, long pssBefore, RemovalTiming removals) throws Exception {
        int servers = farm.size();
        if (lvs.isPresent()) {
            awaitDataPlane(lvs.get(), servers);
        }
        Thread.sleep(warmUp.toMillis());
        ProbeLateness.Histogram startsBefore = engine.lateness();
        long acceptedBefore = farm.accepted();
        farm.restartGaps();
        long cpuBefore = checkerCpuNanos();
        long processCpuBefore = processCpuNanos();
        long start = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = checkerCpuNanos() - cpuBefore;
        long processCpu = processCpuNanos() - processCpuBefore;
        long accepted = farm.accepted() - acceptedBefore;
        RealServerFarm.Samples gaps = farm.gaps();
        ProbeLateness.Histogram starts = engine.lateness().since(startsBefore);
        List<RealServerHealth> snapshot = engine.snapshot();
        long up = snapshot.stream().filter(RealServerHealth::up).count();
        long pss = ProportionalSetSize.self();
        long heapWith = usedHeapAfterGc();

        System.out.printf("real servers up                      %d of %d%n", up, snapshot.size());
        System.out.printf("probes per second                    %.0f (expected %d)%n",
                starts.count() / elapsed, servers / DELAY_LOOP_SECONDS);
        System.out.printf("connections accepted per second      %.0f%n", accepted / elapsed);
        System.out.printf("checker threads CPU s per s          %.3f%n", cpu / 1e9 / elapsed);
        System.out.printf("whole process CPU s per s            %.3f (the real servers run in processes of their own)%n", processCpu / 1e9 / elapsed);
        System.out.printf("probe start lateness p50             %.2f ms%n", starts.percentile(50).toNanos() / 1e6);
        System.out.printf("probe start lateness p99             %.2f ms%n", starts.percentile(99).toNanos() / 1e6);
        System.out.printf("probe start lateness max             %.2f ms%n", starts.max().toNanos() / 1e6);
        printGaps(gaps);
        System.out.printf("heap used by the engine after GC     %.1f MiB (%.0f bytes per real server)%n",
                (heapWith - heapBefore) / 1048576.0, (heapWith - heapBefore) / (double) servers);
        System.out.printf("heap used in all after GC            %.1f MiB%n", heapWith / 1048576.0);
        System.out.printf("heap committed                       %.1f MiB%n",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1048576.0);
        // ZGC maps its heap three times: the shared part of the resident set counts heap pages more than once.
        System.out.printf("resident set size                    %s (anonymous %s, shared %s)%n", status("VmRSS"),
                status("RssAnon"), status("RssShmem"));
        System.out.printf("proportional set size (PSS)          %s; %s before the engine started (the JVM): the engine%s "
                + "added %s%n", ProportionalSetSize.mib(pss), ProportionalSetSize.mib(pssBefore),
                lvs.isPresent() ? " and the lvs layer" : "", ProportionalSetSize.mib(pss - pssBefore));
        if (lvs.isEmpty()) {
            removals.run(List.of(DOWN_EVENT));
            return;
        }
        String removal = "removal from the " + lvs.get().describe();
        try (DestinationWatch watch = new DestinationWatch(lvs.get().plane(), DestinationWatch.byService(removals.victims()),
                address -> removals.seen(removal, address))) {
            watch.awaitRounds();
            removals.run(List.of(DOWN_EVENT, removal));
            System.out.printf("                                     %s%n", watch.describe());
        }
    }

    /**
     * Waits until the lvs layer worked through the first configuration and the engine's first event
     * of every real server, and says how long that took and what the data plane holds then.
     */
    private static void awaitDataPlane(LvsLayer lvs, int servers) throws Exception {
        Optional<Duration> settled = lvs.awaitSettled(servers, Duration.ofMinutes(30));
        System.out.printf("lvs layer                            %s, %s; %d of %d real servers in it%n", lvs.describe(),
                settled.map(took -> String.format("settled %.1f s after the configuration", took.toMillis() / 1e3))
                        .orElse("not settled after 30 minutes"), lvs.destinations(), servers);
    }

    /**
     * Prints the time between two connections to a real server beyond delay_loop: how late its
     * probes come as the real servers see them, the same yardstick for both engines.
     */
    static void printGaps(RealServerFarm.Samples gaps) {
        System.out.printf("probe gap beyond delay_loop          %s%n", gaps.summary(TimeUnit.SECONDS.toMillis(DELAY_LOOP_SECONDS)));
    }

    /** The same keepalived.conf for both engines: 100 real servers per virtual server. */
    private static String configText(Workload workload, int servers) {
        StringBuilder text = new StringBuilder();
        for (int first = 0; first < servers; first += SERVERS_PER_VIRTUAL_SERVER) {
            InetSocketAddress virtualServer = virtualServer(first);
            text.append("virtual_server ").append(virtualServer.getAddress().getHostAddress()).append(' ').append(virtualServer.getPort())
                    .append(" {\n    protocol TCP\n    delay_loop ").append(DELAY_LOOP_SECONDS).append('\n');
            for (int i = first; i < Math.min(servers, first + SERVERS_PER_VIRTUAL_SERVER); i++) {
                InetSocketAddress realServer = RealServerFarm.address(i);
                text.append("    real_server ").append(realServer.getAddress().getHostAddress()).append(' ').append(realServer.getPort())
                        .append(" {\n        ").append(workload.block).append("\n    }\n");
            }
            text.append("}\n");
        }
        return text.toString();
    }

    /** @return the virtual server of real server {@code index}: 192.0.2.1 to .250 on port 80, then on 81, and so on */
    static InetSocketAddress virtualServer(int index) {
        int virtualServer = index / SERVERS_PER_VIRTUAL_SERVER;
        byte[] address = {(byte) 192, 0, 2, (byte) (virtualServer % 250 + 1)};
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), 80 + virtualServer / 250);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeepalivedConfig config(CheckerFactory factory, String text) {
        ConfigResult result = ConfigReader.builder().configId("scale").hostName("scale")
                .checkers(keyword -> keyword.equals(factory.keyword()) ? Optional.of(factory) : Optional.empty())
                .build().read("scale.conf", text);
        return result.config().orElseThrow(() -> new IllegalStateException(result.summary()));
    }

    /** CPU time of the engine's threads: the checker loops and the control thread, and the lvs layer's thread if it runs. */
    private static long checkerCpuNanos() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("checker-") || info.getThreadName().equals("healthcheck-control")
                    || info.getThreadName().equals("lvs"))) {
                total += Math.max(0, bean.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A line of /proc/self/status, such as VmRSS. */
    private static String status(String field) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith(field + ":"))
                .map(line -> line.substring(field.length() + 1).trim())
                .findFirst().orElse("unknown");
    }

    /** The checker registry of the harness: the one checker of the workload. */
    private record OnePlugin(CheckerFactory factory, CheckerRegistration registration) implements CheckerRegistry {

        OnePlugin(CheckerFactory factory) {
            this(factory, new CheckerRegistration(factory.keyword(), Set.of(), "org.jkeepalived.benchmarks", "0", 0, 1, 0));
        }

        @Override
        public Optional<CheckerFactory> factory(String keyword) {
            return keyword.equals(factory.keyword()) ? Optional.of(factory) : Optional.empty();
        }

        @Override
        public Optional<CheckerRegistration> serving(String keyword) {
            return keyword.equals(factory.keyword()) ? Optional.of(registration) : Optional.empty();
        }

        @Override
        public List<CheckerRegistration> registrations() {
            return List.of(registration);
        }
    }
}
