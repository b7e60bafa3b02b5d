package org.jkeepalived.netlink.socket;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.core.api.linux.LinuxLibc;
import org.jkeepalived.netlink.api.NetlinkException;

/**
 * An AF_NETLINK socket and its native buffers: opening, options, sending to the kernel and receiving
 * whole datagrams. Not thread-safe; its owners serialize access.
 */
final class NetlinkChannel implements AutoCloseable {

    private static final int AF_NETLINK = 16;
    private static final int SOCK_RAW = 3;
    private static final int SOL_SOCKET = 1;
    private static final int SO_SNDBUF = 7;
    private static final int SO_RCVBUF = 8;
    private static final int SO_RCVTIMEO = 20;
    private static final int SO_RCVBUFFORCE = 33;
    private static final int SOL_NETLINK = 270;
    private static final int NETLINK_CAP_ACK = 10;
    private static final int NETLINK_EXT_ACK = 11;
    private static final int MSG_PEEK = 0x2;
    private static final int MSG_TRUNC = 0x20;
    private static final int MSG_DONTWAIT = 0x40;
    /** {@code sizeof(struct sockaddr_nl)}: family, padding, port id, groups. */
    private static final int SOCKADDR_NL_SIZE = 12;
    /** Dumps come in datagrams of up to 32 KiB; a larger one is measured first and the buffer grown. */
    private static final int INITIAL_RECEIVE_BUFFER = 32 * 1024;

    private final int fd;
    private final Memory address = new Memory(SOCKADDR_NL_SIZE);
    private final int[] addressLength = new int[1];
    private final Memory option = new Memory(16);
    private Memory sendBuffer = new Memory(1024);
    private Memory receiveBuffer = new Memory(INITIAL_RECEIVE_BUFFER);
    private boolean closed;

    /**
     * Opens a socket in the calling thread's network namespace and binds it.
     *
     * @param protocol {@code NETLINK_ROUTE}, {@code NETLINK_GENERIC}...
     * @param groups the multicast groups to join, a bit mask; 0 for none
     * @param flags {@code SOCK_NONBLOCK} or 0; {@code SOCK_CLOEXEC} is always added
     */
    NetlinkChannel(int protocol, int groups, int flags) {
        try {
            fd = LinuxLibc.socket(AF_NETLINK, SOCK_RAW | LinuxLibc.O_CLOEXEC | flags, protocol);
        } catch (LastErrorException e) {
            throw new NetlinkException("open a netlink socket of protocol " + protocol, e.getErrorCode(), null, e);
        }
        try {
            address.clear();
            address.setShort(0, (short) AF_NETLINK);
            address.setInt(8, groups);
            LinuxLibc.bind(fd, address, SOCKADDR_NL_SIZE);
            // Errors name the rejected attribute and are not padded with a copy of the request.
            optionalInt(SOL_NETLINK, NETLINK_EXT_ACK, 1);
            optionalInt(SOL_NETLINK, NETLINK_CAP_ACK, 1);
        } catch (LastErrorException e) {
            LinuxLibc.close(fd);
            throw new NetlinkException("bind a netlink socket of protocol " + protocol, e.getErrorCode(), null, e);
        } catch (RuntimeException e) {
            LinuxLibc.close(fd);
            throw e;
        }
    }

    int fd() {
        return fd;
    }

    /**
     * Sets the receive buffer, beyond {@code net.core.rmem_max} when the process may.
     *
     * @param bytes the size asked for; the kernel doubles it for its bookkeeping
     */
    void receiveBuffer(int bytes) {
        try {
            setInt(SOL_SOCKET, SO_RCVBUFFORCE, bytes);
        } catch (LastErrorException e) {
            setInt(SOL_SOCKET, SO_RCVBUF, bytes);
        }
    }

    void sendBuffer(int bytes) {
        setInt(SOL_SOCKET, SO_SNDBUF, bytes);
    }

    /** @param timeout how long a blocking receive waits before failing with {@code EAGAIN} */
    void receiveTimeout(Duration timeout) {
        option.setLong(0, timeout.getSeconds());
        option.setLong(8, timeout.getNano() / 1000);
        LinuxLibc.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, option, 16);
    }

    /**
     * Sends a message to the kernel.
     *
     * @param message the message, from its position to its limit
     * @throws LastErrorException if the kernel refuses it
     */
    void send(ByteBuffer message) {
        int length = message.remaining();
        if (sendBuffer.size() < length) {
            sendBuffer.close();
            sendBuffer = new Memory(length);
        }
        byte[] bytes = new byte[length];
        message.duplicate().get(bytes);
        sendBuffer.write(0, bytes, 0, length);
        address.clear();
        address.setShort(0, (short) AF_NETLINK);
        LinuxLibc.sendto(fd, sendBuffer, length, 0, address, SOCKADDR_NL_SIZE);
    }

    /**
     * Receives the next datagram from the kernel; datagrams from other sockets are dropped.
     *
     * @param wait whether to wait for one (up to the receive timeout) or return at once
     * @return a copy of the datagram in host byte order, or {@code null} if none came
     * @throws LastErrorException on {@code ENOBUFS} (events were lost) and other failures
     */
    ByteBuffer receive(boolean wait) {
        int dontWait = wait ? 0 : MSG_DONTWAIT;
        while (true) {
            long length;
            try {
                length = receiveInto(MSG_PEEK | MSG_TRUNC | dontWait);
                if (length > receiveBuffer.size()) {
                    receiveBuffer.close();
                    receiveBuffer = new Memory(length);
                }
                length = receiveInto(dontWait);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == Errno.EAGAIN) {
                    return null;
                }
                if (e.getErrorCode() == Errno.EINTR) {
                    continue;
                }
                throw e;
            }
            int senderPort = address.getInt(4);
            if (senderPort == 0) {
                byte[] datagram = new byte[(int) length];
                receiveBuffer.read(0, datagram, 0, datagram.length);
                return ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder());
            }
        }
    }

    private long receiveInto(int flags) {
        addressLength[0] = SOCKADDR_NL_SIZE;
        return LinuxLibc.recvfrom(fd, receiveBuffer, receiveBuffer.size(), flags, address, addressLength);
    }

    private void setInt(int level, int name, int value) {
        option.setInt(0, value);
        LinuxLibc.setsockopt(fd, level, name, option, 4);
    }

    private void optionalInt(int level, int name, int value) {
        try {
            setInt(level, name, value);
        } catch (LastErrorException e) {
            // Older kernels lack the option; requests work without it, with less detail in errors.
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            LinuxLibc.close(fd);
            address.close();
            option.close();
            sendBuffer.close();
            receiveBuffer.close();
        }
    }
}
