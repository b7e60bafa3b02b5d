package org.jkeepalived.checker.misc;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of a MISC_CHECK program, in a session and process group of its own ({@code setsid}) so
 * that it can be ended with everything it started, as its user ({@code setpriv}) when one is given.
 * Starting a process forks, which can take a while on a loaded host: it happens on threads of
 * this class, never on a checker loop.
 */
final class ScriptProcess {

    /** keepalived's grace between SIGTERM and SIGKILL of a program that outlives its time. */
    static final long TERMINATION_GRACE_MILLIS = 2000;

    private static final File DEV_NULL = new File("/dev/null");
    private static final File ROOT = new File("/");
    /** Threads that fork and exec; they end when idle, so a stopped plugin leaves none. */
    private static final ExecutorService STARTER = starter();

    private final Process process;

    private ScriptProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts the program of a definition.
     *
     * @param definition the MISC_CHECK
     * @return the running program; completed exceptionally with a message saying why it could not start
     */
    static CompletableFuture<ScriptProcess> start(MiscCheckDefinition definition) {
        return CompletableFuture.supplyAsync(() -> {
            List<String> command = command(definition);
            try {
                return new ScriptProcess(new ProcessBuilder(command)
                        .directory(ROOT)
                        .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start());
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
            }
        }, STARTER);
    }

    /**
     * {@code setsid [setpriv --reuid=UID --regid=GID --init-groups --] program arguments}.
     *
     * @throws IllegalStateException if the program or the user or group does not exist
     */
    static List<String> command(MiscCheckDefinition definition) {
        String program = definition.command().get(0);
        if (program.contains("/") && !Files.isExecutable(Path.of(program))) {
            throw new IllegalStateException(program + (Files.exists(Path.of(program)) ? " is not executable" : " does not exist"));
        }
        List<String> command = new ArrayList<>(List.of("setsid"));
        if (definition.user().isPresent()) {
            String user = definition.user().get();
            int[] ids = Libc.user(user);
            if (ids == null) {
                throw new IllegalStateException("user " + user + " does not exist");
            }
            int gid = ids[1];
            Optional<String> group = definition.group();
            if (group.isPresent()) {
                gid = Libc.group(group.get());
                if (gid < 0) {
                    throw new IllegalStateException("group " + group.get() + " does not exist");
                }
            }
            command.addAll(List.of("setpriv", "--reuid=" + ids[0], "--regid=" + gid, "--init-groups", "--"));
        }
        command.addAll(definition.command());
        return command;
    }

    /** @return the exit status, when the program exits; a program ended by signal N reads as 128 + N */
    CompletableFuture<Integer> exit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /** @return the process id, also the id of its process group */
    long pid() {
        return process.pid();
    }

    /**
     * Ends the program and whatever it started: SIGTERM to its process group, then, after keepalived's
     * grace, SIGKILL to the group and to every descendant, including those that left the group.
     *
     * @param timer where the SIGKILL is scheduled
     */
    void terminate(ScheduledExecutorService timer) {
        List<ProcessHandle> descendants = process.descendants().toList();
        Libc.killGroup(process.pid(), Libc.SIGTERM);
        timer.schedule(() -> {
            Libc.killGroup(process.pid(), Libc.SIGKILL);
            process.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
        }, TERMINATION_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static ExecutorService starter() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "misc-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
