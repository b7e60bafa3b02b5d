package org.jkeepalived.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * keepalived's checker process ({@code keepalived --check}, Debian's package) run on a configuration
 * and measured from outside: the CPU and resident memory of its checker child from /proc, the
 * connections its probes open on the real servers, and the real servers it put into IPVS.
 */
final class KeepalivedChecker {

    /** Clock ticks per second of /proc/PID/stat's times: USER_HZ, 100 on every Linux architecture jkeepalived runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private KeepalivedChecker() {
    }

    /**
     * @param configText the keepalived.conf to check with
     * @param warmUp how long to let it run before measuring
     * @param measured how long to measure
     * @param expectedProbesPerSecond what the configuration asks for
     * @param accepted the connections the real servers accepted so far
     */
    static void measure(String configText, Duration warmUp, Duration measured, int expectedProbesPerSecond,
            LongSupplier accepted) throws IOException, InterruptedException {
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
            long acceptedBefore = accepted.getAsLong();
            long start = System.nanoTime();
            Thread.sleep(measured.toMillis());
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpu = (cpuTicks(checker) - ticksBefore) / TICKS_PER_SECOND;
            long connections = accepted.getAsLong() - acceptedBefore;

            System.out.printf("real servers in IPVS                 %d%n", realServersInIpvs());
            System.out.printf("connections accepted per second      %.0f (expected %d)%n", connections / elapsed,
                    expectedProbesPerSecond);
            System.out.printf("checker process CPU s per s          %.3f%n", cpu / elapsed);
            System.out.printf("checker process resident set size    %s%n", status(checker, "VmRSS"));
        } finally {
            keepalived.destroy();
            if (!keepalived.waitFor(10, TimeUnit.SECONDS)) {
                keepalived.destroyForcibly();
            }
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

    /** utime + stime, fields 14 and 15 of /proc/PID/stat, counted after the command name, which may hold spaces. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
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
        return lines.stream().filter(line -> line.startsWith("  -> 127.0.0.1:")).count();
    }
}
