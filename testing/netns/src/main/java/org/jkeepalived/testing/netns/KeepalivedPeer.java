package org.jkeepalived.testing.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;


/**
 * Debian's keepalived running in a test namespace as a VRRP peer: its own configuration, pid files
 * and log in a temporary directory, in the foreground, logging to the console in detail.
 */
public final class KeepalivedPeer implements AutoCloseable {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Process process;
    private final Path log;

    private KeepalivedPeer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** @return whether keepalived is installed */
    public static boolean installed() {
        return Command.run(List.of("keepalived", "-v")).succeeded();
    }

    /**
     * Starts keepalived with the VRRP process only.
     *
     * @param namespace where it runs
     * @param directory where its files go
     * @param configuration its keepalived.conf
     * @return the running peer
     */
    public static KeepalivedPeer start(NetworkNamespace namespace, Path directory, String configuration) {
        try {
            Path run = Files.createDirectories(directory.resolve("run" + RUNS.incrementAndGet()));
            Path config = Files.writeString(run.resolve("keepalived.conf"), configuration);
            Path log = run.resolve("keepalived.log");
            Process process = namespace.processBuilder("keepalived", "--vrrp", "--dont-fork", "--log-console",
                            "--log-detail", "--use-file", config.toString(),
                            "--pid", run.resolve("keepalived.pid").toString(),
                            "--vrrp_pid", run.resolve("vrrp.pid").toString(),
                            "--checkers_pid", run.resolve("checkers.pid").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new KeepalivedPeer(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start keepalived", e);
        }
    }

    /** @return what it logged so far */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return whether the last state change of any of its instances entered {@code state} (MASTER, BACKUP, FAULT) */
    public boolean lastEntered(String state) {
        return lastEntered("", state);
    }

    /**
     * @param instance the vrrp_instance
     * @param state MASTER, BACKUP or FAULT
     * @return whether the instance's last state change entered {@code state}
     */
    public boolean lastEntered(String instance, String state) {
        String text = log();
        String prefix = instance.isEmpty() ? "" : "(" + instance + ") ";
        int last = -1;
        for (String entered : new String[] {"MASTER", "BACKUP", "FAULT"}) {
            last = Math.max(last, text.lastIndexOf(prefix + "Entering " + entered + " STATE"));
        }
        return last >= 0 && last == text.lastIndexOf(prefix + "Entering " + state + " STATE");
    }

    /** Stops it with SIGTERM, as systemd does: a master sends a priority 0 advert. */
    public void stop() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
