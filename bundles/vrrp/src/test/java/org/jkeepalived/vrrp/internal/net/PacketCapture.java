package org.jkeepalived.vrrp.internal.net;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import org.jkeepalived.core.api.linux.LinuxLibc;

/**
 * Captures the Ethernet frames of an interface on a packet socket, like tcpdump, for tests that
 * compare what went on the wire with the golden layout. Open it on a thread in the interface's
 * network namespace.
 */
public final class PacketCapture implements AutoCloseable {

    private static final int ETH_P_ALL = 0x0003;
    private static final int SO_RCVTIMEO = 20;
    private static final int PACKET_OUTGOING = 4;
    /** sockios.h: the kernel's receive time of the last frame read, as a struct timespec. */
    private static final long SIOCGSTAMPNS = 0x8907;

    private final int fd;
    private final Memory buffer = new Memory(65536);
    private final Memory from = new Memory(Sockets.SOCKADDR_LL_LENGTH);
    private final Memory stamp = new Memory(16);

    private PacketCapture(int fd) {
        this.fd = fd;
    }

    /**
     * @param interfaceName the interface
     * @return a capture of every frame it receives or sends from now on
     */
    public static PacketCapture open(String interfaceName) {
        int protocol = Short.toUnsignedInt(Short.reverseBytes((short) ETH_P_ALL));
        int fd = LinuxLibc.socket(Sockets.AF_PACKET, Sockets.SOCK_RAW | Sockets.SOCK_CLOEXEC, protocol);
        Memory sockaddr = new Memory(Sockets.SOCKADDR_LL_LENGTH);
        sockaddr.clear();
        sockaddr.setShort(0, (short) Sockets.AF_PACKET);
        sockaddr.setShort(2, (short) protocol);
        sockaddr.setInt(4, LinuxLibc.if_nametoindex(interfaceName));
        LinuxLibc.bind(fd, sockaddr, Sockets.SOCKADDR_LL_LENGTH);
        Memory timeout = new Memory(16);
        timeout.clear();
        timeout.setLong(8, 200_000); // 200 ms
        Sockets.set(fd, Sockets.SOL_SOCKET, SO_RCVTIMEO, timeout, 16, "SO_RCVTIMEO");
        // the first SIOCGSTAMPNS turns the receive times on, so that every frame from now on has one
        try {
            LinuxLibc.ioctl(fd, SIOCGSTAMPNS, new Memory(16));
        } catch (LastErrorException e) {
            // ENOENT: nothing received yet
        }
        return new PacketCapture(fd);
    }

    /**
     * Reads frames received from the link (not those the host sent) until enough match.
     *
     * @param match which frames to keep
     * @param count how many to wait for
     * @param timeoutMillis how long to wait at most
     * @return the frames that matched, at most {@code count}
     */
    public List<byte[]> incoming(Predicate<byte[]> match, int count, long timeoutMillis) {
        return incomingTimed(match, count, timeoutMillis).stream().map(Received::frame).toList();
    }

    /**
     * As {@link #incoming(Predicate, int, long)}, with the time the kernel received each frame, which
     * a slow reader does not shift.
     *
     * @param match which frames to keep
     * @param count how many to wait for
     * @param timeoutMillis how long to wait at most
     * @return the frames that matched, at most {@code count}
     */
    public List<Received> incomingTimed(Predicate<byte[]> match, int count, long timeoutMillis) {
        List<Received> frames = new ArrayList<>();
        long end = System.nanoTime() + timeoutMillis * 1_000_000;
        while (frames.size() < count && System.nanoTime() < end) {
            int[] fromLength = {Sockets.SOCKADDR_LL_LENGTH};
            long length;
            try {
                length = LinuxLibc.recvfrom(fd, buffer, buffer.size(), 0, from, fromLength);
            } catch (LastErrorException e) {
                continue;
            }
            if ((from.getByte(10) & 0xff) == PACKET_OUTGOING) {
                continue;
            }
            byte[] frame = buffer.getByteArray(0, (int) length);
            if (match.test(frame)) {
                LinuxLibc.ioctl(fd, SIOCGSTAMPNS, stamp);
                frames.add(new Received(frame, stamp.getLong(0) * 1_000_000_000L + stamp.getLong(8)));
            }
        }
        return frames;
    }

    /**
     * A frame and when it came.
     *
     * @param frame the whole Ethernet frame
     * @param receivedNanos the kernel's receive time, on the real-time clock
     */
    public record Received(byte[] frame, long receivedNanos) {
    }

    @Override
    public void close() {
        Sockets.close(fd);
    }
}
