package org.jkeepalived.vrrp.internal.net;

import java.util.Optional;

import com.sun.jna.Memory;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.vrrp.internal.codec.Ipv4Header;
import org.jkeepalived.vrrp.internal.codec.Ipv6Header;

/**
 * A raw socket of protocol 112 (51 with auth_type AH) that sends adverts on one interface and
 * receives nothing, as keepalived's {@code open_vrrp_send_socket()} opens it for a channel.
 */
public final class SendSocket implements AutoCloseable {

    private static final int VRRP_CHECKSUM_OFFSET = 6;

    private final int fd;
    private final ChannelKey key;
    private final int interfaceIndex;

    private SendSocket(int fd, ChannelKey key, int interfaceIndex) {
        this.fd = fd;
        this.key = key;
        this.interfaceIndex = interfaceIndex;
    }

    /**
     * Opens a socket. Called on a thread in the interface's network namespace.
     *
     * @param key the channel whose adverts it sends: its family, its interface, and its group or unicast source
     * @return the socket
     * @throws IllegalStateException naming the failed call, if the socket cannot be set up
     */
    static SendSocket open(ChannelKey key) {
        Optional<String> interfaceName = key.interfaceName();
        int interfaceIndex = interfaceName.map(Sockets::interfaceIndex).orElse(0);
        int fd = Sockets.rawSocket(key.family() == IpFamily.INET ? Sockets.AF_INET : Sockets.AF_INET6, key.protocol());
        try {
            setUp(fd, key, interfaceName, interfaceIndex);
            return new SendSocket(fd, key, interfaceIndex);
        } catch (RuntimeException e) {
            Sockets.close(fd);
            throw e;
        }
    }

    private static void setUp(int fd, ChannelKey key, Optional<String> interfaceName, int interfaceIndex) {
        if (key.family() == IpFamily.INET) {
            Sockets.setInt(fd, Sockets.IPPROTO_IP, Sockets.IP_MULTICAST_ALL, 0, "IP_MULTICAST_ALL");
            // the IPv4 header is ours: TOS 0xc0, TTL 255, our identification (vrrp_build_ip4())
            Sockets.setInt(fd, Sockets.IPPROTO_IP, Sockets.IP_HDRINCL, 1, "IP_HDRINCL");
        } else {
            Sockets.setInt(fd, Sockets.IPPROTO_IPV6, Sockets.IPV6_CHECKSUM, VRRP_CHECKSUM_OFFSET, "IPV6_CHECKSUM");
            Sockets.setInt(fd, Sockets.IPPROTO_IPV6, Sockets.IPV6_TCLASS, Ipv4Header.TOS_NETWORK_CONTROL, "IPV6_TCLASS");
            if (key.multicastGroup().isPresent()) {
                Sockets.setInt(fd, Sockets.IPPROTO_IPV6, Sockets.IPV6_MULTICAST_HOPS, Ipv6Header.HOP_LIMIT,
                        "IPV6_MULTICAST_HOPS");
            }
        }
        interfaceName.ifPresent(name -> Sockets.bindToDevice(fd, name));
        if (key.multicastGroup().isPresent()) {
            if (key.family() == IpFamily.INET) {
                Memory request = new Memory(12);
                request.clear();
                request.setInt(8, interfaceIndex);
                Sockets.set(fd, Sockets.IPPROTO_IP, Sockets.IP_MULTICAST_IF, request, 12, "IP_MULTICAST_IF");
                Sockets.setInt(fd, Sockets.IPPROTO_IP, Sockets.IP_MULTICAST_LOOP, 0, "IP_MULTICAST_LOOP");
            } else {
                Sockets.setInt(fd, Sockets.IPPROTO_IPV6, Sockets.IPV6_MULTICAST_IF, interfaceIndex, "IPV6_MULTICAST_IF");
                Sockets.setInt(fd, Sockets.IPPROTO_IPV6, Sockets.IPV6_MULTICAST_LOOP, 0, "IPV6_MULTICAST_LOOP");
            }
        }
        Sockets.receiveNothing(fd);
    }

    int fd() {
        return fd;
    }

    /** @return the channel whose adverts it sends */
    public ChannelKey key() {
        return key;
    }

    /** @return the index of its interface, 0 without one */
    public int interfaceIndex() {
        return interfaceIndex;
    }

    @Override
    public void close() {
        Sockets.close(fd);
    }
}
