package org.jkeepalived.itests.distribution;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jkeepalived.itests.distribution.Distribution.Result;
import org.jkeepalived.testing.netns.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's keepalived command line, pid files and process handling. */
class LauncherIT {

    @TempDir
    Path directory;

    @Test
    void versionAndHelpAnswerWithoutStartingTheContainer() {
        Result version;
        Result help;
        Distribution distribution = Distribution.unpack(directory);
        try (distribution) {
            version = distribution.launcher("--version");
            help = distribution.launcher("-h");
        }

        assertThat(version.exitCode()).isZero();
        assertThat(version.output()).startsWith("jkeepalived v" + Distribution.VERSION + " (keepalived 2.3.4");
        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("--use-file=FILE", "--vrrp", "--check", "--log-console", "--log-detail",
                "--dont-fork", "--dump-conf", "--config-test[=FILE]", "--pid=FILE", "--version", "--help");
        assertThat(distribution.log()).doesNotExist();
    }

    @Test
    void theSystemdUnitIsOneSystemdAccepts() throws Exception {
        Path unit = directory.resolve("jkeepalived.service");
        try (Distribution distribution = Distribution.unpack(directory)) {
            String shipped = Files.readString(distribution.home().resolve("etc/systemd/jkeepalived.service"));
            assertThat(shipped).contains("ExecStart=/opt/jkeepalived/bin/jkeepalived --dont-fork", "ExecReload=/bin/kill -HUP $MAINPID",
                    "Type=notify", "WatchdogSec=");
            // systemd-analyze checks that ExecStart names an executable: point it at this unpacked copy
            Files.writeString(unit, shipped.replace("/opt/jkeepalived/", distribution.home() + "/"));
        }

        Command.Result verify = Command.run(List.of("systemd-analyze", "verify", unit.toString()));

        assertThat(verify.succeeded()).as(verify.errors()).isTrue();
        assertThat(verify.output() + verify.errors()).as("what systemd-analyze found wrong").isBlank();
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        Result unknown;
        Result missing;
        try (Distribution distribution = Distribution.unpack(directory)) {
            unknown = distribution.launcher("--frobnicate");
            missing = distribution.launcher("-n", "--use-file");
        }

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.output()).contains("unknown option --frobnicate").contains("Usage:");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.output()).contains("option --use-file needs a value");
    }

    @Test
    void inTheForegroundItKeepsItsPidFileLogsToTheConsoleAndStopsOnSigterm() throws Exception {
        Distribution distribution = Distribution.unpack(directory);
        Path pidFile = directory.resolve("run/keepalived.pid");
        Path vrrpPidFile = directory.resolve("run/keepalived_vrrp.pid");
        Path console = directory.resolve("console.out");

        try (distribution) {
            Process process = distribution.start(console, "-n", "-l", "-D", "-f", "etc/keepalived/keepalived.conf",
                    "--pid=" + pidFile, "-r", vrrpPidFile.toString());
            distribution.awaitShell();

            // The launcher execs the JVM: the pid that systemd and scripts see is the container's.
            assertThat(pidFile).hasContent(Long.toString(process.pid()));
            assertThat(vrrpPidFile).hasContent(Long.toString(process.pid()));
            assertThat(Files.readString(console)).contains("FeaturesServiceImpl");
            assertThat(distribution.shell("log:get org.jkeepalived")).contains("DEBUG");

            Result second = distribution.launcher("-n", "-p", pidFile.toString());
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.output()).contains("already running with pid " + process.pid());

            process.destroy();
            assertThat(process.waitFor(60, SECONDS)).isTrue();
        }
        assertThat(pidFile).doesNotExist();
        assertThat(vrrpPidFile).doesNotExist();
    }

    @Test
    void withoutDontForkTheLauncherReturnsAndTheDaemonRunsOn() throws Exception {
        Path pidFile = directory.resolve("keepalived.pid");

        try (Distribution distribution = Distribution.unpack(directory)) {
            Result launch = distribution.launcher("-f", "etc/keepalived/keepalived.conf", "-p", pidFile.toString());

            assertThat(launch.exitCode()).isZero();
            await().atMost(90, SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> Files.exists(pidFile));
            ProcessHandle daemon = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).orElseThrow();
            try {
                assertThat(daemon.isAlive()).isTrue();
                distribution.awaitShell();
            } finally {
                daemon.destroy();
                daemon.onExit().get(60, SECONDS);
            }
        }
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void theSecondStopLeavesAClassArchiveThatLaterStartsMapAfterCheckingIt() throws Exception {
        try (Distribution distribution = Distribution.unpack(directory)) {
            Path archives = distribution.dataDirectory().resolve("cds");
            Path started = archives.resolve("started");
            String[] options = {"-n", "-f", "etc/keepalived/keepalived.conf", "-p", directory.resolve("keepalived.pid").toString()};

            stop(startAndAwaitShell(distribution, "first.out", options));
            assertThat(single(archives)).as("an instance started once writes no archive").isEqualTo(started);

            // a collection every 100 ms, so that one runs while the framework stops
            stop(startAndAwaitShell(distribution, "second.out", Map.of("EXTRA_JAVA_OPTS", "-XX:ZCollectionInterval=0.1"), options));
            Path written = single(archives, started);
            assertThat(written.getFileName().toString()).matches("classes-.*\\.jsa\\.new");
            assertThat(Files.size(written)).isGreaterThan(1 << 20);

            // the next start checks the new archive, puts it in place and maps it
            Path classLog = directory.resolve("third-classes.log");
            Process third = startAndAwaitShell(distribution, "third.out",
                    Map.of("EXTRA_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog), options);
            Path archive = single(archives, started);
            assertThat(archive.getFileName().toString()).isEqualTo(written.getFileName().toString().replace(".new", ""));
            assertThat(Files.readString(Path.of("/proc", Long.toString(third.pid()), "maps"))).contains(archive.toString());
            stop(third);
            // the bundles' classes are in it, though the framework had let go of them when it was written
            Map<Boolean, Long> jkeepalivedClasses = classesLoaded(classLog, " org.jkeepalived.");
            assertThat(jkeepalivedClasses.get(true)).as("jkeepalived classes from the archive, against from bundles: %s", jkeepalivedClasses)
                    .isGreaterThan(3 * jkeepalivedClasses.get(false));

            // an archive cut short, as by a stop killed while writing it, is refused and the good one kept
            Files.write(written, Files.readAllBytes(archive), StandardOpenOption.CREATE_NEW);
            try (FileChannel channel = FileChannel.open(written, StandardOpenOption.WRITE)) {
                channel.truncate(Files.size(written) / 2);
            }
            Process fourth = startAndAwaitShell(distribution, "fourth.out", options);
            assertThat(single(archives, started)).isEqualTo(archive);
            assertThat(Files.readString(Path.of("/proc", Long.toString(fourth.pid()), "maps"))).contains(archive.toString());
            assertThat(Files.readString(directory.resolve("fourth.out"))).contains("class archive " + written + " is damaged");
        }
    }

    @Test
    void anIdleInstanceKeepsNoMemoryItDoesNotNeed() throws Exception {
        try (Distribution distribution = Distribution.unpack(directory)) {
            Process process = startAndAwaitShell(distribution, "idle.out",
                    "-n", "-f", "etc/keepalived/keepalived.conf", "-p", directory.resolve("keepalived.pid").toString());

            String jcmd = Distribution.jdkTool("jcmd");
            String pid = Long.toString(process.pid());
            String flags = Command.runOrFail(jcmd, pid, "VM.flags");
            String histogram = Command.runOrFail(jcmd, pid, "GC.class_histogram");
            String trim = Command.runOrFail(jcmd, pid, "System.trim_native_heap");
            stop(process);

            // Softly held caches (the framework's index of each bundle jar: 24,000 entries) go at the next collection.
            assertThat(flags).contains("-XX:SoftRefLRUPolicyMSPerMB=0");
            // The SSH server answered the shell without registering BouncyCastle as a security provider.
            assertThat(instances(histogram, "org.bouncycastle.jce.provider.BouncyCastleProvider"))
                    .as(histogram.lines().limit(30).collect(Collectors.joining("\n"))).isZero();
            // glibc gave the JIT compilers' freed arenas back as they went: a trim finds little left to return.
            assertThat(trimmedKilobytes(trim)).as(trim).isLessThan(4 * 1024);
        }
    }

    /** @return the kilobytes a {@code System.trim_native_heap} returned ("RSS+Swap: 204M->195M (-9120K)") */
    private static long trimmedKilobytes(String output) {
        Matcher change = Pattern.compile("\\(([+-])(\\d+)([BKMG])\\)").matcher(output);
        assertThat(change.find()).as(output).isTrue();
        long size = Long.parseLong(change.group(2)) << (10 * "BKMG".indexOf(change.group(3))) >> 10;
        return change.group(1).equals("-") ? size : -size;
    }

    /** @return the instances of the class in a {@code GC.class_histogram}, 0 if it names none */
    private static long instances(String histogram, String className) {
        return histogram.lines().map(line -> line.trim().split("\\s+"))
                .filter(columns -> columns.length >= 4 && columns[3].equals(className))
                .mapToLong(columns -> Long.parseLong(columns[1])).sum();
    }

    private Process startAndAwaitShell(Distribution distribution, String output, String... options) {
        return startAndAwaitShell(distribution, output, Map.of(), options);
    }

    private Process startAndAwaitShell(Distribution distribution, String output, Map<String, String> environment, String... options) {
        Process process = distribution.start(directory.resolve(output), environment, options);
        distribution.awaitShell();
        return process;
    }

    /** @return how many classes the JVM's class+load log names with the prefix, by whether they came from an archive (true) or a bundle */
    private static Map<Boolean, Long> classesLoaded(Path log, String prefix) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(prefix))
                    .filter(line -> line.contains("source: shared objects file") || line.contains("source: jar:bundle:"))
                    .collect(Collectors.partitioningBy(line -> line.contains("source: shared objects file"), Collectors.counting()));
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, SECONDS)).isTrue();
    }

    /** @return the one file in the directory besides those named */
    private static Path single(Path directory, Path... besides) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> others = files.filter(file -> !List.of(besides).contains(file)).toList();
            assertThat(others).as("files in %s besides %s", directory, List.of(besides)).hasSize(1);
            return others.get(0);
        }
    }
}
