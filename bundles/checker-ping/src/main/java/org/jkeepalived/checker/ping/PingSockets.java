package org.jkeepalived.checker.ping;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.core.api.linux.LinuxLibc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ping sockets: {@code socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP)} and its ICMPv6 twin, which need no
 * privilege but a group in {@code net.ipv4.ping_group_range}. Where the range leaves jkeepalived's
 * group out, it is widened to take it in, as keepalived does (keepalived.conf(5), PING_CHECK).
 */
final class PingSockets {

    private static final Logger LOG = LoggerFactory.getLogger(PingSockets.class);

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_NONBLOCK = 0x800;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int IPPROTO_ICMP = 1;
    private static final int IPPROTO_ICMPV6 = 58;
    /** socket(7): the SOL_SOCKET level and its SO_BINDTODEVICE and SO_MARK options. */
    private static final int SOL_SOCKET = 1;
    private static final int SO_BINDTODEVICE = 25;
    private static final int SO_MARK = 36;

    /** Per network namespace: the range read by the thread that opens the socket, in its namespace. */
    private static final Path PING_GROUP_RANGE = Path.of("/proc/sys/net/ipv4/ping_group_range");

    private PingSockets() {
    }

    /**
     * Opens a non-blocking ping socket.
     *
     * @param ipv6 whether it is for ICMPv6
     * @param device the interface to bind it to, or null
     * @param fwmark the mark of its packets, 0 for none
     * @return the file descriptor
     * @throws IllegalStateException saying why no socket could be opened
     */
    static int open(boolean ipv6, String device, int fwmark) {
        int fd = socket(ipv6);
        try {
            if (fwmark != 0) {
                Memory mark = new Memory(Integer.BYTES);
                mark.setInt(0, fwmark);
                LinuxLibc.setsockopt(fd, SOL_SOCKET, SO_MARK, mark, Integer.BYTES);
            }
            if (device != null) {
                byte[] name = device.getBytes(StandardCharsets.US_ASCII);
                Memory value = new Memory(name.length + 1L);
                value.write(0, name, 0, name.length);
                value.setByte(name.length, (byte) 0);
                LinuxLibc.setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, value, name.length + 1);
            }
            return fd;
        } catch (LastErrorException e) {
            LinuxLibc.close(fd);
            throw new IllegalStateException((device != null ? "cannot bind to " + device : "cannot set the fwmark")
                    + ": " + Errno.describe(e.getErrorCode()), e);
        }
    }

    private static int socket(boolean ipv6) {
        int type = SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC;
        try {
            return LinuxLibc.socket(ipv6 ? AF_INET6 : AF_INET, type, ipv6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != Errno.EACCES || !widenPingGroupRange()) {
                throw new IllegalStateException("cannot open a ping socket: " + Errno.describe(e.getErrorCode()), e);
            }
        }
        try {
            return LinuxLibc.socket(ipv6 ? AF_INET6 : AF_INET, type, ipv6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP);
        } catch (LastErrorException e) {
            throw new IllegalStateException("cannot open a ping socket: " + Errno.describe(e.getErrorCode()), e);
        }
    }

    /** @return whether the range now takes in jkeepalived's group */
    private static boolean widenPingGroupRange() {
        try (BufferedReader reader = Files.newBufferedReader(PING_GROUP_RANGE)) {
            // read as a stream: Files.readString returns this /proc file cut short
            String[] range = reader.readLine().trim().split("\\s+");
            long low = Long.parseLong(range[0]);
            long high = Long.parseLong(range[1]);
            long group = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid");
            String widened = low > high ? group + " " + group : Math.min(low, group) + " " + Math.max(high, group);
            Files.writeString(PING_GROUP_RANGE, widened);
            LOG.warn("PING_CHECK: net.ipv4.ping_group_range was {} {}, which leaves group {} out; set to {}", low, high, group, widened);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.error("PING_CHECK: cannot widen net.ipv4.ping_group_range to open ping sockets: {}", e.toString());
            return false;
        }
    }
}
