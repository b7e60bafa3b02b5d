package org.jkeepalived.core.internal.systemd;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.core.api.linux.LinuxLibc;

/** A unix datagram socket bound as systemd binds its notification socket, for tests to read. */
final class BoundDatagramSocket implements AutoCloseable {

    private static final int MSG_DONTWAIT = 0x40;

    private final int fd;

    /** @param name a path, or {@code @name} in the abstract namespace, as {@code $NOTIFY_SOCKET} has it */
    BoundDatagramSocket(String name) {
        byte[] path = name.getBytes(StandardCharsets.UTF_8);
        boolean abstractName = path[0] == '@';
        if (abstractName) {
            path[0] = 0;
        }
        fd = LinuxLibc.socket(1, 2, 0);
        try (Memory address = new Memory(110)) {
            address.clear();
            address.setShort(0, (short) 1);
            address.write(2, path, 0, path.length);
            LinuxLibc.bind(fd, address, 2 + path.length + (abstractName ? 0 : 1));
        }
    }

    /**
     * @param within how long to wait
     * @return the next datagram, if one arrives in time
     */
    Optional<String> next(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        try (Memory buffer = new Memory(512)) {
            while (true) {
                try {
                    long length = LinuxLibc.recvfrom(fd, buffer, 512, MSG_DONTWAIT, null, null);
                    return Optional.of(new String(buffer.getByteArray(0, (int) length), StandardCharsets.UTF_8));
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != Errno.EAGAIN) {
                        throw e;
                    }
                }
                if (System.nanoTime() - deadline > 0) {
                    return Optional.empty();
                }
                Thread.sleep(10);
            }
        }
    }

    @Override
    public void close() {
        LinuxLibc.close(fd);
    }
}
