package org.jkeepalived.vrrp.internal.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import org.jkeepalived.config.api.model.vrrp.MacAddress;
import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.core.api.linux.LinuxLibc;

/**
 * What VRRP needs to know of an interface: its index, its MAC address (the source of gratuitous
 * ARPs), and the addresses adverts come from by default (RFC 5798 sections 5.1.1.1 and 5.1.2.1:
 * the primary IPv4 address, an IPv6 link-local address).
 *
 * @param name the interface's name
 * @param index its index
 * @param mac its MAC address
 * @param primaryIpv4 its primary IPv4 address, if it has one
 * @param linkLocalIpv6 its first IPv6 link-local address, if it has one
 */
public record InterfaceInfo(String name, int index, MacAddress mac, Optional<Inet4Address> primaryIpv4,
        Optional<Inet6Address> linkLocalIpv6) {

    private static final long SIOCGIFADDR = 0x8915;
    private static final long SIOCGIFHWADDR = 0x8927;
    private static final int IFREQ_LENGTH = 40;
    private static final int IFREQ_UNION = 16;
    /** The IPv6 addresses of the calling thread's network namespace: /proc/self/net shows the process's. */
    private static final Path IF_INET6 = Path.of("/proc/thread-self/net/if_inet6");
    private static final int SCOPE_LINK = 0x20;

    /**
     * @param name an interface's name
     * @return whether the network namespace of the calling thread has it
     */
    public static boolean exists(String name) {
        return LinuxLibc.if_nametoindex(name) != 0;
    }

    /**
     * Reads an interface from the kernel, in the network namespace of the calling thread.
     *
     * @param name the interface's name
     * @return what VRRP needs of it
     * @throws IllegalArgumentException if there is no such interface
     */
    public static InterfaceInfo lookup(String name) {
        int index = LinuxLibc.if_nametoindex(name);
        if (index == 0) {
            throw new IllegalArgumentException("interface " + name + " does not exist");
        }
        int fd = LinuxLibc.socket(Sockets.AF_INET, 2 | Sockets.SOCK_CLOEXEC, 0);
        try {
            Memory request = ifreq(name);
            LinuxLibc.ioctl(fd, SIOCGIFHWADDR, request);
            long mac = 0;
            for (int i = 0; i < 6; i++) {
                mac = (mac << 8) | (request.getByte(IFREQ_UNION + 2 + i) & 0xffL);
            }
            return new InterfaceInfo(name, index, new MacAddress(mac), primaryIpv4(fd, name), linkLocalIpv6(name));
        } catch (LastErrorException e) {
            throw new IllegalArgumentException("cannot read interface " + name + ": " + Errno.describe(e), e);
        } finally {
            Sockets.close(fd);
        }
    }

    private static Optional<Inet4Address> primaryIpv4(int fd, String name) {
        Memory request = ifreq(name);
        try {
            LinuxLibc.ioctl(fd, SIOCGIFADDR, request);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == Errno.EADDRNOTAVAIL) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of((Inet4Address) address(request.getByteArray(IFREQ_UNION + 4, 4)));
    }

    private static Optional<Inet6Address> linkLocalIpv6(String name) {
        List<String> lines;
        try {
            lines = Files.exists(IF_INET6) ? Files.readAllLines(IF_INET6, StandardCharsets.US_ASCII) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + IF_INET6, e);
        }
        // address, index, prefix length, scope, flags, name
        return lines.stream()
                .map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields.length == 6 && fields[5].equals(name)
                        && Integer.parseInt(fields[3], 16) == SCOPE_LINK)
                .map(fields -> (Inet6Address) address(HexFormat.of().parseHex(fields[0])))
                .findFirst();
    }

    private static Memory ifreq(String name) {
        Memory request = new Memory(IFREQ_LENGTH);
        request.clear();
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        request.write(0, bytes, 0, Math.min(bytes.length, 15));
        return request;
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes make an address", e);
        }
    }
}
