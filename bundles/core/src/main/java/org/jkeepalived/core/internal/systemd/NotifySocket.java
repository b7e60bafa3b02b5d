package org.jkeepalived.core.internal.systemd;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.core.api.linux.LinuxLibc;

/**
 * The service manager's notification socket ({@code $NOTIFY_SOCKET}): a unix datagram socket, which
 * Java's channels cannot address (they speak unix stream sockets only), hence JNA. A name starting
 * with {@code @} is in the abstract namespace, as sd_notify(3) has it.
 */
final class NotifySocket implements AutoCloseable {

    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    /** sizeof(struct sockaddr_un): a two-byte family, then sun_path. */
    private static final int ADDRESS_SIZE = 110;
    private static final int PATH_OFFSET = 2;

    private final String name;
    private final int fd;
    private final Memory address = new Memory(ADDRESS_SIZE);
    private final int addressLength;

    private NotifySocket(String name) {
        byte[] path = name.getBytes(StandardCharsets.UTF_8);
        boolean abstractName = path[0] == '@';
        if (path.length + 1 > ADDRESS_SIZE - PATH_OFFSET) {
            throw new IllegalArgumentException("NOTIFY_SOCKET " + name + " is longer than a unix socket path may be");
        }
        this.name = name;
        address.clear();
        address.setShort(0, (short) AF_UNIX);
        address.write(PATH_OFFSET, path, 0, path.length);
        if (abstractName) {
            address.setByte(PATH_OFFSET, (byte) 0);
        }
        // an abstract name is exactly its bytes; a path ends with its NUL
        this.addressLength = PATH_OFFSET + path.length + (abstractName ? 0 : 1);
        this.fd = LinuxLibc.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    }

    /**
     * @param value the value of {@code $NOTIFY_SOCKET}, or null
     * @return the socket, absent when there is no value
     */
    static Optional<NotifySocket> of(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(new NotifySocket(value));
    }

    /** @return the socket's name as {@code $NOTIFY_SOCKET} gave it */
    String name() {
        return name;
    }

    /**
     * Sends one datagram of newline-separated assignments, such as {@code READY=1}.
     *
     * @param assignments the state
     * @throws IllegalStateException naming the socket and the reason, if the datagram was refused
     */
    synchronized void send(String assignments) {
        byte[] bytes = assignments.getBytes(StandardCharsets.UTF_8);
        try (Memory buffer = new Memory(bytes.length)) {
            buffer.write(0, bytes, 0, bytes.length);
            LinuxLibc.sendto(fd, buffer, bytes.length, 0, address, addressLength);
        } catch (LastErrorException e) {
            throw new IllegalStateException("cannot notify " + name + ": " + Errno.describe(e), e);
        }
    }

    @Override
    public synchronized void close() {
        LinuxLibc.close(fd);
        address.close();
    }
}
