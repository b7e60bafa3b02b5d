package org.jkeepalived.vrrp.internal.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.core.api.linux.LinuxLibc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket constants and structures of Linux on x86-64 and aarch64 that VRRP needs, and the set-up
 * calls made on them. Set-up may allocate; the send and receive paths use preallocated memory.
 */
final class Sockets {

    private static final Logger LOG = LoggerFactory.getLogger(Sockets.class);

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int AF_PACKET = 17;
    static final int SOCK_RAW = 3;
    static final int SOCK_NONBLOCK = LinuxLibc.O_NONBLOCK;
    static final int SOCK_CLOEXEC = LinuxLibc.O_CLOEXEC;

    static final int SOL_SOCKET = 1;
    static final int SO_RCVBUF = 8;
    static final int SO_BINDTODEVICE = 25;
    static final int SO_ATTACH_FILTER = 26;

    static final int IPPROTO_IP = 0;
    static final int IP_HDRINCL = 3;
    static final int IP_MULTICAST_IF = 32;
    static final int IP_MULTICAST_LOOP = 34;
    static final int IP_ADD_MEMBERSHIP = 35;
    static final int IP_MULTICAST_ALL = 49;

    static final int IPPROTO_IPV6 = 41;
    static final int IPV6_CHECKSUM = 7;
    static final int IPV6_UNICAST_HOPS = 16;
    static final int IPV6_MULTICAST_IF = 17;
    static final int IPV6_MULTICAST_HOPS = 18;
    static final int IPV6_MULTICAST_LOOP = 19;
    static final int IPV6_ADD_MEMBERSHIP = 20;
    static final int IPV6_RECVPKTINFO = 49;
    static final int IPV6_PKTINFO = 50;
    static final int IPV6_RECVHOPLIMIT = 51;
    static final int IPV6_HOPLIMIT = 52;
    static final int IPV6_TCLASS = 67;

    static final int MSG_DONTROUTE = 0x4;
    static final int MSG_DONTWAIT = 0x40;

    static final int SOCKADDR_IN_LENGTH = 16;
    static final int SOCKADDR_IN6_LENGTH = 28;
    static final int SOCKADDR_LL_LENGTH = 20;
    static final int MSGHDR_LENGTH = 56;
    static final int IOVEC_LENGTH = 16;
    static final int CMSGHDR_LENGTH = 16;
    static final int IN6_PKTINFO_LENGTH = 20;

    private Sockets() {
    }

    /**
     * @param name an interface name
     * @return its index in the calling thread's network namespace
     * @throws IllegalStateException if there is no such interface
     */
    static int interfaceIndex(String name) {
        int index = LinuxLibc.if_nametoindex(name);
        if (index == 0) {
            throw new IllegalStateException("interface " + name + " does not exist");
        }
        return index;
    }

    /**
     * @param family {@link #AF_INET} or {@link #AF_INET6}
     * @param protocol the IP protocol
     * @return a non-blocking raw socket
     */
    static int rawSocket(int family, int protocol) {
        return LinuxLibc.socket(family, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
    }

    /**
     * @param memory native memory
     * @return a view of all of it in network byte order: JNA's views are in the host's order
     */
    static ByteBuffer networkOrder(Memory memory) {
        return memory.getByteBuffer(0, memory.size()).order(ByteOrder.BIG_ENDIAN);
    }

    static void setInt(int fd, int level, int option, int value, String what) {
        Memory memory = new Memory(4);
        memory.setInt(0, value);
        set(fd, level, option, memory, 4, what);
    }

    static void set(int fd, int level, int option, Memory value, int length, String what) {
        try {
            LinuxLibc.setsockopt(fd, level, option, value, length);
        } catch (LastErrorException e) {
            throw new IllegalStateException("cannot set " + what + ": " + Errno.describe(e), e);
        }
    }

    /** SO_BINDTODEVICE: only packets of the interface are received, and adverts leave through it. */
    static void bindToDevice(int fd, String interfaceName) {
        byte[] name = interfaceName.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Memory memory = new Memory(name.length + 1);
        memory.write(0, name, 0, name.length);
        memory.setByte(name.length, (byte) 0);
        set(fd, SOL_SOCKET, SO_BINDTODEVICE, memory, name.length + 1, "SO_BINDTODEVICE " + interfaceName);
    }

    /**
     * Attaches a classic BPF filter that drops everything: a send-only raw socket of protocol 112
     * would otherwise queue every advert of the link.
     */
    static void receiveNothing(int fd) {
        Memory program = new Memory(8);
        program.setShort(0, (short) 0x06); // BPF_RET | BPF_K
        program.setByte(2, (byte) 0);
        program.setByte(3, (byte) 0);
        program.setInt(4, 0);              // accept 0 bytes
        Memory fprog = new Memory(16);
        fprog.clear();
        fprog.setShort(0, (short) 1);
        fprog.setPointer(8, program);
        set(fd, SOL_SOCKET, SO_ATTACH_FILTER, fprog, 16, "a drop-all socket filter");
    }

    /** Binds to an address, or for IPv6 a link-local one on an interface. */
    static void bind(int fd, InetAddress address, int interfaceIndex) {
        Memory sockaddr = new Memory(SOCKADDR_IN6_LENGTH);
        int length = writeSockaddr(sockaddr, address, interfaceIndex);
        try {
            LinuxLibc.bind(fd, sockaddr, length);
        } catch (LastErrorException e) {
            throw new IllegalStateException("cannot bind to " + address.getHostAddress() + ": " + Errno.describe(e), e);
        }
    }

    /**
     * Writes a {@code sockaddr_in} or {@code sockaddr_in6} with port 0.
     *
     * @param memory at least {@link #SOCKADDR_IN6_LENGTH} bytes
     * @param address the address
     * @param scopeId the interface of an IPv6 link-local or link-scope multicast address
     * @return the structure's length
     */
    static int writeSockaddr(Pointer memory, InetAddress address, int scopeId) {
        byte[] bytes = address.getAddress();
        memory.clear(SOCKADDR_IN6_LENGTH);
        if (bytes.length == 4) {
            memory.setShort(0, (short) AF_INET);
            memory.write(4, bytes, 0, 4);
            return SOCKADDR_IN_LENGTH;
        }
        memory.setShort(0, (short) AF_INET6);
        memory.write(8, bytes, 0, 16);
        if (address instanceof Inet6Address && (address.isLinkLocalAddress() || address.isMCLinkLocal())) {
            memory.setInt(24, scopeId);
        }
        return SOCKADDR_IN6_LENGTH;
    }

    static void close(int fd) {
        try {
            LinuxLibc.close(fd);
        } catch (LastErrorException e) {
            // the descriptor is gone either way; EBADF would mean it was closed twice, a bug worth seeing
            LOG.warn("closing socket {} failed: {}", fd, Errno.describe(e));
        }
    }
}
