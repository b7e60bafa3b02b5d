package org.jkeepalived.vrrp.internal.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import org.jkeepalived.config.api.model.vrrp.MacAddress;
import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.core.api.linux.LinuxLibc;
import org.jkeepalived.vrrp.internal.link.AnnouncementPacer;
import org.jkeepalived.vrrp.internal.link.Ethernet;
import org.jkeepalived.vrrp.internal.link.GratuitousArp;
import org.jkeepalived.vrrp.internal.link.LinkPacers;
import org.jkeepalived.vrrp.internal.link.UnsolicitedNeighbourAdvert;
import org.jkeepalived.vrrp.internal.settings.AnnouncementIntervals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces an instance's addresses on its interface: a gratuitous ARP for each IPv4 address, an
 * unsolicited neighbour advertisement for each IPv6 one, sent as whole frames on a packet socket
 * that receives nothing, through the pacers of the interface or its garp_group. The frames are built once;
 * {@link #announce()} sends them.
 */
public final class LinkAnnouncer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LinkAnnouncer.class);

    private final String instance;
    private final InterfaceInfo link;
    private final int fd;
    private final Memory[] frames;
    private final int[] lengths;
    private final Memory[] destinations;
    private final String[] names;
    private final AnnouncementPacer[] pacers;
    private final Duration[] intervals;

    private LinkAnnouncer(String instance, InterfaceInfo link, int fd, MacAddress sender, List<InetAddress> addresses,
            boolean router, LinkPacers linkPacers, AnnouncementIntervals announcementIntervals) {
        this.instance = instance;
        this.link = link;
        this.fd = fd;
        this.pacers = new AnnouncementPacer[addresses.size()];
        this.intervals = new Duration[addresses.size()];
        this.frames = new Memory[addresses.size()];
        this.lengths = new int[addresses.size()];
        this.destinations = new Memory[addresses.size()];
        this.names = new String[addresses.size()];
        for (int i = 0; i < addresses.size(); i++) {
            InetAddress address = addresses.get(i);
            boolean ipv4 = address instanceof Inet4Address;
            lengths[i] = ipv4 ? GratuitousArp.LENGTH : UnsolicitedNeighbourAdvert.LENGTH;
            frames[i] = new Memory(lengths[i]);
            ByteBuffer frame = Sockets.networkOrder(frames[i]);
            if (ipv4) {
                GratuitousArp.write(frame, 0, sender, (Inet4Address) address);
            } else {
                UnsolicitedNeighbourAdvert.write(frame, 0, sender, (Inet6Address) address, router);
            }
            destinations[i] = linkAddress(link.index(), ipv4 ? Ethernet.ETHERTYPE_ARP : Ethernet.ETHERTYPE_IPV6,
                    frames[i].getByteArray(0, 6));
            names[i] = address.getHostAddress();
            pacers[i] = ipv4 ? linkPacers.arp() : linkPacers.neighbourAdvert();
            intervals[i] = ipv4 ? announcementIntervals.arp() : announcementIntervals.neighbourAdvert();
        }
    }

    /**
     * Opens a packet socket on the interface. Called on a thread in the interface's network namespace.
     *
     * @param instance the instance's name, for logs
     * @param link the interface
     * @param sender the MAC address the addresses move to: the interface's, or the virtual router's with use_vmac
     * @param addresses the addresses to announce
     * @param pacers the pacers of the interface, or of its garp_group
     * @param intervals how far apart the pacers space the announcements
     * @return the announcer
     * @throws IllegalStateException if the socket cannot be opened
     */
    public static LinkAnnouncer open(String instance, InterfaceInfo link, MacAddress sender, List<InetAddress> addresses,
            LinkPacers pacers, AnnouncementIntervals intervals) {
        int fd;
        try {
            // protocol 0: the socket sends and never receives
            fd = LinuxLibc.socket(Sockets.AF_PACKET, Sockets.SOCK_RAW | Sockets.SOCK_NONBLOCK | Sockets.SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new IllegalStateException("(" + instance + ") cannot open a packet socket for gratuitous ARP: "
                    + Errno.describe(e), e);
        }
        return new LinkAnnouncer(instance, link, fd, sender, addresses, forwardsIpv6(link.name()), pacers, intervals);
    }

    /** @return the interface the addresses are announced on */
    public String interfaceName() {
        return link.name();
    }

    /** Sends one announcement for each address, now or when its pacer lets it go. */
    public void announce() {
        for (int i = 0; i < frames.length; i++) {
            sendPaced(i);
        }
    }

    /**
     * Sends one announcement, of the first address: one frame is enough for the switches of the link
     * to keep the interface's MAC address, as keepalived's garp_extra_if sends.
     */
    public void refresh() {
        sendPaced(0);
    }

    /** Drops the announcements still waiting for their pacer: the addresses are no longer this instance's. */
    public void withdraw() {
        for (AnnouncementPacer pacer : pacers) {
            pacer.withdraw(this);
        }
    }

    /** Drops what waits for the pacers, and closes the socket. On the loop only. */
    @Override
    public void close() {
        withdraw();
        Sockets.close(fd);
    }

    /** Closes the socket of an abandoned loop, whose pacers are dropped with it. */
    public void closeAbandoned() {
        Sockets.close(fd);
    }

    private void sendPaced(int frame) {
        pacers[frame].send(this, intervals[frame], () -> send(frame));
    }

    private void send(int frame) {
        try {
            LinuxLibc.sendto(fd, frames[frame], lengths[frame], 0, destinations[frame], Sockets.SOCKADDR_LL_LENGTH);
        } catch (LastErrorException e) {
            LOG.warn("({}) cannot announce {} on {}: {}", instance, names[frame], link.name(), Errno.describe(e));
        }
    }

    private static Memory linkAddress(int interfaceIndex, int etherType, byte[] destination) {
        Memory sockaddr = new Memory(Sockets.SOCKADDR_LL_LENGTH);
        sockaddr.clear();
        sockaddr.setShort(0, (short) Sockets.AF_PACKET);
        sockaddr.setByte(2, (byte) (etherType >>> 8)); // sll_protocol, network order
        sockaddr.setByte(3, (byte) etherType);
        sockaddr.setInt(4, interfaceIndex);
        sockaddr.setByte(11, (byte) 6);
        sockaddr.write(12, destination, 0, 6);
        return sockaddr;
    }

    /** The Router flag of neighbour advertisements says whether the host forwards (RFC 4861 section 4.4). */
    private static boolean forwardsIpv6(String interfaceName) {
        // /proc/sys/net shows the network namespace of the reading thread
        Path forwarding = Path.of("/proc/sys/net/ipv6/conf", interfaceName, "forwarding");
        try {
            return Files.exists(forwarding) && Files.readString(forwarding).trim().equals("1");
        } catch (IOException e) {
            return false;
        }
    }
}
