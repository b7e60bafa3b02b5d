package org.jkeepalived.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jkeepalived.testing.netns.Command;
import org.jkeepalived.testing.netns.NetworkNamespace;

/** The jkeepalived distribution unpacked for a benchmark, started as an operator starts it: {@code bin/jkeepalived}. */
final class UnpackedDistribution {

    private final Path home;
    private final Path directory;

    private UnpackedDistribution(Path home, Path directory) {
        this.home = home;
        this.directory = directory;
    }

    /**
     * @param archive the distribution's tar.gz
     * @param directory where it is unpacked and where its runs keep their files
     */
    static UnpackedDistribution unpack(Path archive, Path directory) throws IOException {
        Path unpacked = Files.createDirectories(directory.resolve("jkeepalived"));
        Command.runOrFail("tar", "xzf", archive.toString(), "-C", unpacked.toString());
        try (Stream<Path> homes = Files.list(unpacked)) {
            return new UnpackedDistribution(homes.findFirst().orElseThrow(), directory);
        }
    }

    /**
     * Starts {@code bin/jkeepalived -n} in a namespace, with a data directory (and TMPDIR) of the run's own.
     *
     * @param namespace where it runs
     * @param run the run's name, for its files
     * @param config its keepalived.conf
     * @param options more options of bin/jkeepalived, such as {@code -P}
     * @return the JVM, which the launcher becomes
     */
    Process start(NetworkNamespace namespace, String run, Path config, String... options) throws IOException {
        List<String> more = new ArrayList<>(List.of("-s", namespace.name()));
        more.addAll(List.of(options));
        return start(run, config, Map.of(), more.toArray(String[]::new));
    }

    /**
     * Starts {@code bin/jkeepalived -n} in the caller's network namespace, with a data directory (and
     * TMPDIR) of the run's own; its JVM logs safepoints and GC to {@link #jvmLog(String)}.
     *
     * @param run the run's name, for its files
     * @param config its keepalived.conf
     * @param environment more of the launcher's environment, such as {@code KARAF_OPTS}
     * @param options more options of bin/jkeepalived, such as {@code -P}
     * @return the JVM, which the launcher becomes
     */
    Process start(String run, Path config, Map<String, String> environment, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/jkeepalived").toString(), "-n",
                "-f", config.toString(), "-p", directory.resolve(run + ".pid").toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve(run + ".out").toFile());
        Path data = directory.resolve(run + "-data");
        builder.environment().putAll(environment);
        builder.environment().merge("EXTRA_JAVA_OPTS", JvmPauses.logOption(jvmLog(run)), (given, log) -> given + " " + log);
        builder.environment().put("JKEEPALIVED_DATA", data.toString());
        builder.environment().put("TMPDIR", Files.createDirectories(data).toString());
        return builder.start();
    }

    /** @return where a run's JVM logs its safepoints and GC */
    Path jvmLog(String run) {
        return directory.resolve(run + "-jvm.log");
    }

    /** Stops a daemon with SIGTERM, as systemd does, and with SIGKILL if it is not gone within a minute. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
