package org.jkeepalived.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.ipvs.api.DataPlaneException;
import org.jkeepalived.ipvs.internal.kernel.KernelDataPlane;

/**
 * keepalived's checker process ({@code keepalived --check}, Debian's package) run on a configuration
 * and measured from outside: the CPU and memory of its checker child from /proc (PSS summed over
 * keepalived's processes), the connections its probes open on the real servers and how they are
 * spaced, the real servers it put into IPVS, and how long it takes to take dead ones out of IPVS.
 */
final class KeepalivedChecker {

    private static final String IPVS_REMOVAL = "removal from the kernel's IPVS";

    private KeepalivedChecker() {
    }

    /**
     * @param configText the keepalived.conf to check with
     * @param warmUp how long to let it run before measuring
     * @param measured how long to measure
     * @param expectedProbesPerSecond what the configuration asks for
     * @param farm the real servers the configuration names
     * @param removals the real servers that die at the end, and the timing of their removal
     */
    static void measure(String configText, Duration warmUp, Duration measured, int expectedProbesPerSecond,
            RealServerFarm farm, RemovalTiming removals) throws IOException, InterruptedException, DataPlaneException {
        Path directory = Files.createTempDirectory("keepalived-scale");
        Path config = Files.writeString(directory.resolve("keepalived.conf"), configText);
        Path checkerPidFile = directory.resolve("checkers.pid");
        Path log = directory.resolve("keepalived.log");
        Process keepalived = new ProcessBuilder("keepalived", "--check", "--dont-fork", "--log-console", "--no-syslog",
                "--use-file", config.toString(), "--pid", directory.resolve("keepalived.pid").toString(),
                "--checkers_pid", checkerPidFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long checker = checkerPid(keepalived, checkerPidFile, log);
            Thread.sleep(warmUp.toMillis());
            long ticksBefore = cpuTicks(checker);
            long allTicksBefore = cpuTicksWithDescendants(keepalived.toHandle());
            long acceptedBefore = farm.accepted();
            farm.restartGaps();
            long start = System.nanoTime();
            Thread.sleep(measured.toMillis());
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpu = (cpuTicks(checker) - ticksBefore) / ThreadCpu.TICKS_PER_SECOND;
            double allCpu = (cpuTicksWithDescendants(keepalived.toHandle()) - allTicksBefore) / ThreadCpu.TICKS_PER_SECOND;
            long connections = farm.accepted() - acceptedBefore;
            RealServerFarm.Samples gaps = farm.gaps();

            System.out.printf("real servers in IPVS                 %d%n", realServersInIpvs());
            System.out.printf("connections accepted per second      %.0f (expected %d)%n", connections / elapsed,
                    expectedProbesPerSecond);
            System.out.printf("checker process CPU s per s          %.3f (all keepalived processes %.3f)%n", cpu / elapsed,
                    allCpu / elapsed);
            HealthCheckScale.printGaps(gaps);
            System.out.printf("checker process resident set size    %s%n", status(checker, "VmRSS"));
            System.out.printf("proportional set size (PSS)          %s, keepalived's processes together (the checker %s)%n",
                    ProportionalSetSize.mib(ProportionalSetSize.withDescendants(keepalived.toHandle())),
                    ProportionalSetSize.mib(ProportionalSetSize.kib(checker)));
            timeRemovals(removals);
        } finally {
            keepalived.destroy();
            if (!keepalived.waitFor(10, TimeUnit.SECONDS)) {
                keepalived.destroyForcibly();
            }
        }
    }

    /** Times the removal of dead real servers from IPVS, which keepalived does when their check fails (no inhibit_on_failure). */
    private static void timeRemovals(RemovalTiming removals) throws IOException, InterruptedException, DataPlaneException {
        try (KernelDataPlane plane = KernelDataPlane.open();
                DestinationWatch watch = new DestinationWatch(plane, DestinationWatch.byService(removals.victims()),
                        address -> removals.seen(IPVS_REMOVAL, address))) {
            watch.awaitRounds();
            removals.run(List.of(IPVS_REMOVAL));
            System.out.printf("                                     %s%n", watch.describe());
        }
    }

    private static long checkerPid(Process keepalived, Path pidFile, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && keepalived.isAlive()) {
            if (Files.exists(pidFile)) {
                String pid = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
                if (!pid.isEmpty()) {
                    return Long.parseLong(pid);
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("keepalived's checker process did not start; its log:\n" + Files.readString(log));
    }

    /** @return the process's utime + stime */
    private static long cpuTicks(long pid) throws IOException {
        return ThreadCpu.read(Path.of("/proc", Long.toString(pid), "stat")).total();
    }

    private static long cpuTicksWithDescendants(ProcessHandle process) throws IOException {
        long ticks = cpuTicks(process.pid());
        for (ProcessHandle child : process.descendants().toList()) {
            try {
                ticks += cpuTicks(child.pid());
            } catch (NoSuchFileException e) {
                // gone between the listing and the reading: its time is no longer counted anywhere
            }
        }
        return ticks;
    }

    private static String status(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith(field + ":"))
                .map(line -> line.substring(field.length() + 1).trim())
                .findFirst().orElse("unknown");
    }

    private static long realServersInIpvs() throws IOException, InterruptedException {
        Process ipvsadm = new ProcessBuilder("ipvsadm", "-Ln").redirectErrorStream(true).start();
        List<String> lines = new String(ipvsadm.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        ipvsadm.waitFor();
        return lines.stream().filter(line -> line.startsWith("  -> 127.0.0.")).count();
    }
}
