package org.jkeepalived.checker.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.jkeepalived.testing.netns.NetworkNamespace;

/**
 * The jkeepalived distribution unpacked into a directory and started with a keepalived.conf, in a
 * network namespace of its own, for tests that hot-deploy a plugin and watch it check real servers.
 * Everything the distribution does stays in that namespace: its loopback is the test's private
 * network, where the test puts its real servers ({@link NetworkNamespace#call} opens sockets there,
 * {@link NetworkNamespace#processBuilder} starts servers there).
 *
 * <p>Needs root and iproute2 ({@code ip netns}); without them the test is skipped. The distribution archive
 * ({@code org.jkeepalived:karaf-distribution:tar.gz}) is named by the system property
 * {@value #ARCHIVE_PROPERTY}; a Maven build passes it with {@code dependency:properties}.
 *
 * <pre>{@code
 * try (DistributionUnderTest jkeepalived = DistributionUnderTest.start(directory, keepalivedConf)) {
 *     jkeepalived.deploy(Path.of("target/my-check-1.0.0.jar"));
 *     jkeepalived.awaitShell("keepalived:checks", checks -> checks.contains("1 up"), Duration.ofSeconds(60));
 * }
 * }</pre>
 */
public final class DistributionUnderTest implements AutoCloseable {

    /** The system property that names the distribution archive. */
    public static final String ARCHIVE_PROPERTY = "jkeepalived.distribution";

    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Path home;
    private final Path data;
    private final NetworkNamespace namespace;
    private Process container;

    private DistributionUnderTest(Path home, Path data, NetworkNamespace namespace) {
        this.home = home;
        this.data = data;
        this.namespace = namespace;
    }

    /**
     * Unpacks the distribution into {@code directory}, writes {@code keepalivedConf} there and starts
     * the container with it in a new network namespace, then waits until its shell answers.
     *
     * @param directory an empty directory, for example a JUnit {@code @TempDir}
     * @param keepalivedConf the configuration, as in /etc/keepalived/keepalived.conf
     * @return the running distribution; close it to stop the container and delete the namespace
     */
    public static DistributionUnderTest start(Path directory, String keepalivedConf) {
        NetworkNamespace.assumeAvailable();
        String property = System.getProperty(ARCHIVE_PROPERTY);
        if (property == null || !Files.isRegularFile(Path.of(property))) {
            throw new IllegalStateException("set the system property " + ARCHIVE_PROPERTY
                    + " to the jkeepalived distribution archive (org.jkeepalived:karaf-distribution:tar.gz), found: " + property);
        }
        // tar keeps the scripts' modes, as an operator's unpacking does.
        run(List.of("tar", "xzf", property, "-C", directory.toString()), null);
        Path home;
        try (Stream<Path> unpacked = Files.list(directory)) {
            home = unpacked.filter(path -> path.getFileName().toString().startsWith("jkeepalived-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(property + " holds no jkeepalived-<version> directory"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DistributionUnderTest distribution = new DistributionUnderTest(home, directory.resolve("data"), NetworkNamespace.create());
        try {
            Path config = directory.resolve("keepalived.conf");
            Files.writeString(config, keepalivedConf, StandardCharsets.UTF_8);
            distribution.container = distribution.builder(List.of(home.resolve("bin/jkeepalived").toString(), "-s", distribution.namespace.name(),
                            "-n", "-f", config.toString(), "-p", directory.resolve("keepalived.pid").toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("console.out").toFile())
                    .start();
            distribution.awaitShell("keepalived:version", version -> version.contains("jkeepalived"), BOOT_TIMEOUT);
            return distribution;
        } catch (IOException e) {
            distribution.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            distribution.close();
            throw e;
        }
    }

    /** @return the unpacked distribution: bin/, etc/, deploy/ */
    public Path home() {
        return home;
    }

    /** @return the network namespace the container runs in, for the test's real servers */
    public NetworkNamespace namespace() {
        return namespace;
    }

    /**
     * Hot-deploys a bundle: copies it into {@code deploy/}, where the container picks it up.
     *
     * @param bundle the plugin's jar
     * @return the copy in deploy/; delete it to undeploy the plugin
     */
    public Path deploy(Path bundle) {
        try {
            return Files.copy(bundle, home.resolve("deploy").resolve(bundle.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs one command of the container's shell through {@code bin/client}, as an operator does.
     *
     * @param command for example {@code keepalived:checks}
     * @return what the command printed
     */
    public String shell(String command) {
        return run(List.of("ip", "netns", "exec", namespace.name(), home.resolve("bin/client").toString(), "-b"), command + "\n");
    }

    /**
     * Runs a shell command until its output satisfies {@code condition}.
     *
     * @param command the shell command
     * @param condition what the output must satisfy
     * @param timeout how long to try
     * @return the output that satisfied the condition
     * @throws AssertionError with the last output, if the time ran out
     */
    public String awaitShell(String command, Predicate<String> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (true) {
            try {
                last = shell(command);
                if (condition.test(last)) {
                    return last;
                }
            } catch (IllegalStateException notYet) {
                // the shell is not up yet, or the command failed: try again until the deadline
                last = notYet.getMessage();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(command + " did not print what was awaited within " + timeout + "; last output:\n" + last);
            }
            sleep(POLL);
        }
    }

    /**
     * Waits until the container's log holds {@code text}.
     *
     * @param text what the log must contain
     * @param timeout how long to wait
     * @throws AssertionError if the time ran out
     */
    public void awaitLog(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(text)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the log did not show \"" + text + "\" within " + timeout + "; see " + logFile());
            }
            sleep(POLL);
        }
    }

    /** @return the container's log so far (karaf.log) */
    public String log() {
        try {
            return Files.exists(logFile()) ? Files.readString(logFile(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the container with SIGTERM, as systemd does, then deletes the namespace and what still runs in it. */
    @Override
    public void close() {
        try {
            if (container != null) {
                container.destroy();
                if (!container.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    container.descendants().forEach(ProcessHandle::destroyForcibly);
                    container.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            namespace.close();
        }
    }

    private Path logFile() {
        return data.resolve("log/karaf.log");
    }

    /** The container keeps its state in the test's directory and writes keepalived's /tmp files there. */
    private ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().put("JKEEPALIVED_DATA", data.toString());
        builder.environment().put("TMPDIR", data.toString());
        return builder;
    }

    /** Runs a command to its end and returns its output; a failure is an exception with that output. */
    private static String run(List<String> command, String input) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
