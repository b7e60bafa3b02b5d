package org.jkeepalived.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.testing.netns.NetworkNamespace;

/**
 * The whole jkeepalived process health-checking real servers, as an operator runs it: the built
 * distribution, started by bin/jkeepalived in a namespace of its own, with one virtual server of
 * {@code -Dchecks.servers=N} TCP_CHECK real servers on loopback ({@link LoopbackRealServers}). After a
 * minute of start-up it prints the process's CPU, its ZGC collections and its PSS over
 * {@code -Dchecks.seconds=N}, and which threads took the CPU, in user space and in the kernel.
 * Unlike health-scale, which runs the checker engine alone in a JVM of the benchmark's, this counts everything the process does: Karaf, the lvs layer, the metrics' refresh,
 * the launcher's heap settings. {@code EXTRA_JAVA_OPTS} adds options to jkeepalived's JVM.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl benchmarks exec:exec@process-checks -Dchecks.servers=10000
 * </pre>
 */
public final class ProcessChecks {

    private static final Duration START_UP = Duration.ofMinutes(1);

    private ProcessChecks() {
    }

    public static void main(String[] args) throws Exception {
        int servers = Integer.getInteger("servers", 10_000);
        int seconds = Integer.getInteger("seconds", 60);
        Path directory = Files.createTempDirectory("process-checks");
        UnpackedDistribution distribution = UnpackedDistribution.unpack(Path.of(System.getProperty("distribution")), directory);
        Path config = Files.writeString(directory.resolve("keepalived.conf"), LoopbackRealServers.virtualServer(servers));
        String run = "jkeepalived";
        try (NetworkNamespace namespace = NetworkNamespace.create();
             LoopbackRealServers listener = LoopbackRealServers.listen(namespace)) {
            Process process = distribution.start(namespace, run, config);
            try {
                Thread.sleep(START_UP.toMillis());
                ProcessHandle.Info before = process.info();
                ThreadCpu threadsBefore = ThreadCpu.of(process.pid());
                long collectionsBefore = JvmPauses.collections(distribution.jvmLog(run));
                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
                ProcessHandle.Info after = process.info();
                ThreadCpu threadsAfter = ThreadCpu.of(process.pid());
                long collections = JvmPauses.collections(distribution.jvmLog(run)) - collectionsBefore;
                double cpu = (double) (after.totalCpuDuration().orElseThrow().toNanos() - before.totalCpuDuration().orElseThrow().toNanos())
                        / TimeUnit.SECONDS.toNanos(seconds);
                System.out.printf("%d TCP_CHECK real servers, %d s measured: %.3f of a core, %d ZGC collections, PSS %s%n", servers,
                        seconds, cpu, collections, ProportionalSetSize.mib(ProportionalSetSize.kib(process.pid())));
                threadsAfter.busiestSince(threadsBefore, seconds, 6).forEach(line -> System.out.printf("  %s%n", line));
                System.out.printf("logs: %s%n", directory);
            } finally {
                UnpackedDistribution.stop(process);
            }
        }
    }
}
