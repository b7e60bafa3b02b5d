package org.jkeepalived.testing.netns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.jkeepalived.core.api.linux.LinuxLibc;
import org.junit.jupiter.api.Assumptions;

/**
 * A test host: a network namespace that the test creates and deletes, with its loopback up. Commands
 * run inside it through {@code ip netns exec}; Java code runs inside it on threads that entered it
 * with {@code setns(2)}, so that the sockets they open (raw, netlink, Netty) live in the namespace.
 *
 * <p>Names are {@code jk<pid>x<n>}: short enough to name interfaces after, and carrying the pid of
 * the JVM that made them, so that namespaces left by a killed test run are removed by the next.
 */
public final class NetworkNamespace implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Path NETNS_DIRECTORY = Path.of("/var/run/netns");

    private final String name;

    private NetworkNamespace(String name) {
        this.name = name;
    }

    /**
     * Skips the calling test, with the reason, where namespaces cannot be made: not root, or no
     * iproute2.
     */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(isRoot(), "network namespace tests need root");
        Assumptions.assumeTrue(Command.run(List.of("ip", "-V")).succeeded(), "network namespace tests need iproute2 (ip)");
    }

    /**
     * Creates a namespace with its loopback up.
     *
     * @return the namespace; close it to delete it
     */
    public static NetworkNamespace create() {
        assumeAvailable();
        removeStale();
        String name = "jk" + ProcessHandle.current().pid() + "x" + COUNTER.incrementAndGet();
        Command.runOrFail("ip", "netns", "add", name);
        NetworkNamespace namespace = new NetworkNamespace(name);
        namespace.execOrFail("ip", "link", "set", "lo", "up");
        return namespace;
    }

    /** @return the namespace's name, as {@code ip netns} knows it */
    public String name() {
        return name;
    }

    /**
     * Runs a command inside the namespace.
     *
     * @param command the command and its arguments
     * @return what it printed and its exit code
     */
    public Command.Result exec(String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(command));
        return Command.run(full);
    }

    /**
     * Runs a command inside the namespace and fails if it fails.
     *
     * @param command the command and its arguments
     * @return its output
     */
    public String execOrFail(String... command) {
        return exec(command).orFail();
    }

    /**
     * Starts a long-running command inside the namespace. It is killed when the namespace is closed.
     *
     * @param command the command and its arguments
     * @return a builder, to redirect output before starting
     */
    public ProcessBuilder processBuilder(String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(command));
        return new ProcessBuilder(full);
    }

    /**
     * Moves the calling thread into this namespace. Only that thread moves; sockets it opens from
     * now on belong to the namespace, and stay there whichever thread uses them later.
     */
    public void enter() {
        int fd = LinuxLibc.open(NETNS_DIRECTORY.resolve(name).toString(), LinuxLibc.O_RDONLY | LinuxLibc.O_CLOEXEC);
        try {
            LinuxLibc.setns(fd, LinuxLibc.CLONE_NEWNET);
        } finally {
            LinuxLibc.close(fd);
        }
    }

    /**
     * @param prefix name prefix of the threads
     * @return a factory of daemon threads that enter this namespace before they run
     */
    public ThreadFactory threadFactory(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(() -> {
                enter();
                task.run();
            }, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Runs a task on a new thread inside the namespace and waits for it.
     *
     * @param task the task
     * @param <T> its result type
     * @return its result
     * @throws Exception what the task threw
     */
    public <T> T call(Callable<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        threadFactory("in-" + name).newThread(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }).start();
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception) {
                throw (Exception) e.getCause();
            }
            throw e;
        }
    }

    /** Kills what still runs inside the namespace and deletes it, with every interface in it. */
    @Override
    public void close() {
        delete(name);
    }

    @Override
    public String toString() {
        return name;
    }

    private static void delete(String name) {
        Command.Result pids = Command.run(List.of("ip", "netns", "pids", name));
        if (pids.succeeded()) {
            pids.output().lines().filter(line -> !line.isBlank())
                    .forEach(pid -> ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly));
        }
        Command.run(List.of("ip", "netns", "del", name));
    }

    /** Deletes the namespaces of test runs whose JVM is gone. */
    private static void removeStale() {
        if (!Files.isDirectory(NETNS_DIRECTORY)) {
            return;
        }
        try (var entries = Files.list(NETNS_DIRECTORY)) {
            entries.map(path -> path.getFileName().toString())
                    .filter(entry -> entry.matches("jk\\d+x\\d+"))
                    .filter(entry -> ProcessHandle.of(Long.parseLong(entry.substring(2, entry.indexOf('x')))).isEmpty())
                    .forEach(NetworkNamespace::delete);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"))
                || Command.run(List.of("id", "-u")).output().trim().equals("0");
    }
}
