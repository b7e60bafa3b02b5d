package org.jkeepalived.testing.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs a main class of a module's tests once under a real kernel: {@code kernel-vm} (a Debian kernel
 * in an emulated machine that sees this host's files) for what this host's kernel lacks, such as
 * IPVS or sch_netem. The main class prints its findings in sections, each opened by a line of a
 * marker and the section's name; a line starting with {@value #FAILED} says the run went wrong.
 *
 * <p>The module's build passes {@code jkeepalived.kernelVm} (the script) and
 * {@code jkeepalived.kernelVmClasspath} (a file with its test class path). The test is skipped where
 * the script is missing or the tests do not run as root (kernel-vm may have to install qemu and a kernel).
 */
public final class KernelVm {

    /** What starts a line of the main class's output when it failed. */
    public static final String FAILED = "!!!";

    private final List<String> modules;
    private final List<String> preparation = new ArrayList<>();
    private final List<String> javaOptions = new ArrayList<>();

    private KernelVm(List<String> modules) {
        this.modules = List.copyOf(modules);
    }

    /**
     * @param modules kernel modules to load at boot: the guest cannot load them on demand
     * @return a run to prepare, skipped (a JUnit assumption) where kernel-vm cannot run
     */
    public static KernelVm withModules(String... modules) {
        Assumptions.assumeTrue(Files.isExecutable(script()), "kernel-vm is not at " + script()
                + ": this is tested under a real kernel only where kernel-vm is beside the project");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "kernel-vm runs as root, to install qemu and a kernel where they are missing");
        return new KernelVm(List.of(modules));
    }

    /** @param command a shell command the guest runs before the main class */
    public KernelVm prepare(String command) {
        preparation.add(command);
        return this;
    }

    /** @param option an option for the guest's JVM */
    public KernelVm javaOption(String option) {
        javaOptions.add(option);
        return this;
    }

    /**
     * Boots the guest, runs the main class and returns its sections by name, in order. Fails when
     * the run does not end in time, does not reach the section {@code last}, or reports a failure.
     */
    public Map<String, String> sections(Class<?> main, String marker, String last, Duration timeout) throws IOException, InterruptedException {
        String report = run(main, timeout);
        if (!report.contains(marker + last) || report.contains(FAILED)) {
            throw new AssertionError("the run under kernel-vm did not end well:\n" + report);
        }
        Map<String, String> sections = new LinkedHashMap<>();
        String name = null;
        StringBuilder text = new StringBuilder();
        for (String line : report.lines().toList()) {
            if (line.startsWith(marker)) {
                if (name != null) {
                    sections.put(name, text.toString());
                }
                name = line.substring(marker.length());
                text.setLength(0);
            } else if (name != null) {
                text.append(line.stripTrailing()).append('\n');
            }
        }
        sections.put(name, text.toString());
        return sections;
    }

    private String run(Class<?> main, Duration timeout) throws IOException, InterruptedException {
        Path classpathFile = Path.of(System.getProperty("jkeepalived.kernelVmClasspath", "target/kernel-vm.classpath"));
        Path target = classpathFile.toAbsolutePath().getParent();
        if (target.startsWith("/tmp")) {
            // the guest mounts an empty /tmp of its own over the host's
            throw new AssertionError("kernel-vm's guest cannot see classes under /tmp: build from a checkout elsewhere (" + target + ")");
        }
        String classpath = target.resolve("test-classes") + ":" + target.resolve("classes") + ":" + Files.readString(classpathFile).trim();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> commands = new ArrayList<>();
        commands.add("mount -t tmpfs run /run");
        commands.addAll(preparation);
        // C1 only and no forks of a helper per process: the guest's CPU is emulated.
        commands.add(java + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djdk.lang.Process.launchMechanism=VFORK"
                + " -Dorg.slf4j.simpleLogger.logFile=System.out -Dorg.slf4j.simpleLogger.showThreadName=false "
                + String.join(" ", javaOptions) + " -cp " + classpath + " " + main.getName()
                + " 2>/tmp/stderr || { echo '" + FAILED + " " + main.getSimpleName() + " failed'; cat /tmp/stderr; }");
        ProcessBuilder builder = new ProcessBuilder(script().toString(), String.join("; ", commands)).redirectErrorStream(true);
        builder.environment().put("KVM_MODULES", String.join(" ", modules));
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kernel-vm did not finish in " + timeout);
        }
        try {
            return output.get();
        } catch (ExecutionException e) {
            throw new IOException("cannot read what kernel-vm printed", e.getCause());
        }
    }

    private static Path script() {
        return Path.of(System.getProperty("jkeepalived.kernelVm", "../../../shared/tools/kernel-vm"));
    }
}
