package org.jkeepalived.itests.distribution;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.core.api.linux.LinuxLibc;

/**
 * A unix datagram socket bound at a path, as systemd binds the one it names in
 * {@code $NOTIFY_SOCKET}: it keeps every datagram the service sends, in order.
 */
final class NotifySocketListener implements AutoCloseable {

    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int MSG_DONTWAIT = 0x40;

    private final Path path;
    private final int fd;
    private final List<String> datagrams = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean closed;

    NotifySocketListener(Path path) {
        this.path = path;
        this.fd = LinuxLibc.socket(AF_UNIX, SOCK_DGRAM, 0);
        byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
        try (Memory address = new Memory(110)) {
            address.clear();
            address.setShort(0, (short) AF_UNIX);
            address.write(2, name, 0, name.length);
            LinuxLibc.bind(fd, address, 2 + name.length + 1);
        }
        reader = new Thread(this::read, "notify-socket");
        reader.setDaemon(true);
        reader.start();
    }

    Path path() {
        return path;
    }

    /** @return every datagram received so far, in order */
    List<String> datagrams() {
        return List.copyOf(datagrams);
    }

    /** @return how many datagrams received so far carry {@code assignment} as one of their lines */
    long count(String assignment) {
        return datagrams.stream().filter(datagram -> datagram.lines().anyMatch(assignment::equals)).count();
    }

    private void read() {
        try (Memory buffer = new Memory(4096)) {
            while (!closed) {
                try {
                    long length = LinuxLibc.recvfrom(fd, buffer, 4096, MSG_DONTWAIT, null, null);
                    datagrams.add(new String(buffer.getByteArray(0, (int) length), StandardCharsets.UTF_8));
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != Errno.EAGAIN) {
                        throw e;
                    }
                    Thread.sleep(20);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LinuxLibc.close(fd);
    }
}
