package org.jkeepalived.vrrp.internal.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.config.api.model.NotifyFifo;
import org.jkeepalived.config.api.model.Script;
import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.core.api.linux.LinuxLibc;
import org.jkeepalived.core.api.process.Scripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

/**
 * One notify FIFO, written as keepalived writes it: created if missing, its script started with the
 * FIFO's path as last argument, then opened for reading and writing without blocking, so that
 * opening never waits for a reader and a write never waits for one either. A line that does not fit
 * because nobody reads is dropped and counted. Thread-safe.
 */
final class FifoWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FifoWriter.class);
    /** rw-r--r--, as keepalived creates it. */
    private static final int MODE = 0644;
    private static final long SCRIPT_EXIT_SECONDS = 1;

    private final Path path;
    private final boolean created;
    private final Optional<Process> script;
    private final int fd;
    /** Guarded by this. */
    private long dropped;
    /** Guarded by this: whether the last line was dropped, so that a run of drops is logged once. */
    private boolean dropping;
    /** Guarded by this. */
    private boolean closed;

    private FifoWriter(Path path, boolean created, Optional<Process> script, int fd) {
        this.path = path;
        this.created = created;
        this.script = script;
        this.fd = fd;
    }

    /**
     * @param fifo the FIFO as configured
     * @return the open FIFO, its script running
     * @throws IOException saying why, if the path is not a FIFO or cannot be made or opened
     */
    static FifoWriter open(NotifyFifo fifo) throws IOException {
        Path path = Path.of(fifo.path());
        boolean created = create(path);
        try {
            if (created) {
                chown(path, fifo.user(), fifo.group());
            }
            Optional<Process> script = fifo.script().filter(Script::runnable).map(s -> start(s, path));
            try {
                int fd = LinuxLibc.open(path.toString(), LinuxLibc.O_RDWR | LinuxLibc.O_NONBLOCK | LinuxLibc.O_CLOEXEC
                        | LinuxLibc.O_NOFOLLOW);
                return new FifoWriter(path, created, script, fd);
            } catch (LastErrorException e) {
                script.ifPresent(Process::destroy);
                throw new IOException("cannot open " + path + ": " + Errno.describe(e), e);
            }
        } catch (IOException | RuntimeException e) {
            if (created) {
                Files.deleteIfExists(path);
            }
            throw e;
        }
    }

    /** @return whether the FIFO was made here; one that exists is used as it is, if it is a FIFO */
    private static boolean create(Path path) throws IOException {
        try {
            LinuxLibc.mkfifo(path.toString(), MODE);
            return true;
        } catch (LastErrorException e) {
            if (e.getErrorCode() != Errno.EEXIST) {
                throw new IOException("cannot create " + path + ": " + Errno.describe(e), e);
            }
        }
        if (isFifo(path)) {
            return false;
        }
        throw new IOException(path + " exists and is not a FIFO");
    }

    private static boolean isFifo(Path path) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        // S_IFIFO in the file type bits (S_IFMT)
        return (mode & 0170000) == 0010000;
    }

    private static void chown(Path path, Optional<String> user, Optional<String> group) throws IOException {
        UserPrincipalLookupService names = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (user.isPresent()) {
            view.setOwner(names.lookupPrincipalByName(user.get()));
        }
        if (group.isPresent()) {
            view.setGroup(names.lookupPrincipalByGroupName(group.get()));
        }
    }

    private static Process start(Script script, Path path) {
        try {
            Process process = Scripts.start(script.argv(), script.user(), script.group(), List.of(path.toString()));
            process.onExit().thenAccept(done -> LOG.info("notify fifo script {} exited with status {}", script, done.exitValue()));
            return process;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run its script " + script + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes one line, or drops it if the FIFO is full; never waits.
     *
     * @param line the line, with its newline
     */
    synchronized void write(String line) {
        if (closed) {
            return;
        }
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        try (Memory buffer = new Memory(bytes.length)) {
            buffer.write(0, bytes, 0, bytes.length);
            // a line is shorter than PIPE_BUF: written whole or not at all (pipe(7))
            LinuxLibc.write(fd, buffer, bytes.length);
            dropping = false;
        } catch (LastErrorException e) {
            dropped++;
            if (!dropping) {
                dropping = true;
                LOG.warn("notify fifo {} {}: dropping lines until it is read ({} dropped so far)", path,
                        e.getErrorCode() == Errno.EAGAIN ? "is full, nobody reads it" : "cannot be written: " + Errno.describe(e),
                        dropped);
            }
        }
    }

    /** @return how many lines were dropped */
    synchronized long dropped() {
        return dropped;
    }

    /** @return the FIFO's path */
    Path path() {
        return path;
    }

    /**
     * Closes the FIFO, so that its script reads the end of it; stops the script if it does not end by
     * itself in a moment, and removes the FIFO if it was made here.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            LinuxLibc.close(fd);
        }
        script.ifPresent(process -> {
            try {
                if (!process.waitFor(SCRIPT_EXIT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroy();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroy();
            }
        });
        if (created) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("cannot remove notify fifo {}: {}", path, e.getMessage());
            }
        }
    }
}
