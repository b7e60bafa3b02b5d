package org.jkeepalived.itests.distribution;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.testing.netns.Command;
import org.jkeepalived.testing.netns.NetworkNamespace;

/**
 * An unpacked copy of the distribution archive, started through {@code bin/jkeepalived} and driven
 * through {@code bin/client}, as an operator does. Each copy runs in a network namespace of its own
 * ({@code bin/jkeepalived -s}), so that its shell port and everything it does stay there.
 */
final class Distribution implements AutoCloseable {

    static final String VERSION = System.getProperty("jkeepalived.version");

    private final Path home;
    private final Path data;
    private final NetworkNamespace namespace;
    private Process process;

    private Distribution(Path home, Path data) {
        this.home = home;
        this.data = data;
        this.namespace = NetworkNamespace.create();
    }

    /** @return the path of a tool of the JDK that runs the tests, which the distribution's JVM is */
    static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    /** Unpacks the archive with tar, which keeps the scripts' modes as a user's unpacking does. */
    static Distribution unpack(Path directory) {
        Path archive = Path.of(System.getProperty("jkeepalived.distribution"));
        Result untar = run(directory, List.of("tar", "xzf", archive.toString(), "-C", directory.toString()), null);
        if (untar.exitCode() != 0) {
            throw new IllegalStateException("cannot unpack " + archive + ": " + untar.output());
        }
        return new Distribution(directory.resolve("jkeepalived-" + VERSION), directory.resolve("data"));
    }

    /** @return the network namespace the distribution runs in */
    NetworkNamespace namespace() {
        return namespace;
    }

    Path home() {
        return home;
    }

    /** @return where the container writes the files that keepalived writes to /tmp: its TMPDIR */
    Path temporaryDirectory() {
        return data;
    }

    /** @return the instance's data directory (JKEEPALIVED_DATA): Karaf's cache, the log, the class archive */
    Path dataDirectory() {
        return data;
    }

    Path deployDirectory() {
        return home.resolve("deploy");
    }

    Path log() {
        return data.resolve("log/karaf.log");
    }

    /** Runs the launcher to completion in the distribution's namespace, for the options that return at once. */
    Result launcher(String... arguments) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/jkeepalived").toString(), "-s", namespace.name()));
        command.addAll(List.of(arguments));
        return run(home, command, data);
    }

    /** Starts the launcher in the distribution's namespace ({@code -n} is the caller's to give) and keeps it. */
    Process start(Path output, String... arguments) {
        return start(output, Map.of(), arguments);
    }

    /** Starts the launcher as {@link #start(Path, String...)} does, with more in its environment. */
    Process start(Path output, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/jkeepalived").toString(), "-s", namespace.name()));
        command.addAll(List.of(arguments));
        try {
            ProcessBuilder builder = builder(home, command, data);
            builder.environment().putAll(environment);
            process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the shell answers; the container is then up with its boot features. */
    void awaitShell() {
        await().atMost(180, SECONDS).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> shell("keepalived:version").contains("jkeepalived"));
    }

    /** Runs one shell command through bin/client and returns what it printed. */
    String shell(String command) {
        Result result = client(List.of(), command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("bin/client failed (" + result.exitCode() + "): " + result.output());
        }
        return result.output();
    }

    /** Runs one shell command through bin/client logged in as {@code user}, whatever comes of it. */
    Result shellAs(String user, String password, String command) {
        return client(List.of("-u", user, "-p", password), command);
    }

    private Result client(List<String> options, String command) {
        List<String> client = new ArrayList<>(List.of("ip", "netns", "exec", namespace.name(), home.resolve("bin/client").toString()));
        client.addAll(options);
        client.add("-b");
        return runWithInput(home, client, command + "\n");
    }

    String logText() {
        try {
            return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a signal, such as {@code STOP} or {@code CONT}, to the container's JVM. */
    void signal(String name) {
        Command.runOrFail("kill", "-" + name, Long.toString(process.pid()));
    }

    /** Kills the JVM with SIGKILL, as a crash or the OOM killer does: nothing is handed over or cleaned up. */
    void kill() {
        try {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the container with SIGTERM, as systemd does, and makes sure no JVM is left behind. */
    @Override
    public void close() {
        try {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(60, SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            namespace.close();
        }
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(Path directory, List<String> command, Path data) {
        return complete(builder(directory, command, data), null);
    }

    private static Result runWithInput(Path directory, List<String> command, String input) {
        return complete(builder(directory, command, null), input);
    }

    private static ProcessBuilder builder(Path directory, List<String> command, Path data) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        if (data != null) {
            builder.environment().put("JKEEPALIVED_DATA", data.toString());
            builder.environment().put("TMPDIR", data.toString());
        }
        return builder;
    }

    private static Result complete(ProcessBuilder builder, String input) {
        try {
            Process child = builder.redirectErrorStream(true).start();
            if (input != null) {
                child.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            child.getOutputStream().close();
            byte[] output = child.getInputStream().readAllBytes();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new IllegalStateException("timed out: " + builder.command());
            }
            return new Result(child.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
