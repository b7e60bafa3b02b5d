package org.jkeepalived.vrrp.internal.net;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.core.api.linux.LinuxLibc;
import org.jkeepalived.vrrp.internal.codec.AdvertisementWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one instance's adverts on its socket. Everything a send needs is allocated here, in native
 * memory: the packet, the destination addresses and, for IPv6, the message header with the source
 * address and interface as ancillary data; {@link #send} allocates nothing unless a send fails.
 */
public final class AdvertSender {

    private static final Logger LOG = LoggerFactory.getLogger(AdvertSender.class);

    private static final int MAX_PACKET = 8192;
    private static final int PKTINFO_SPACE = Sockets.CMSGHDR_LENGTH + 24;
    private static final int HOPLIMIT_SPACE = Sockets.CMSGHDR_LENGTH + 8;

    private final String instance;
    private final SendSocket socket;
    private final Memory packet = new Memory(MAX_PACKET);
    private final ByteBuffer packetView = Sockets.networkOrder(packet);
    private final Memory[] destinations;
    private final int[] destinationLengths;
    private final String[] destinationNames;
    private final Memory message = new Memory(Sockets.MSGHDR_LENGTH);
    private final Memory iovec = new Memory(Sockets.IOVEC_LENGTH);
    private final Memory control = new Memory(PKTINFO_SPACE + HOPLIMIT_SPACE);
    private final int flags;
    private AdvertisementWriter writer;
    private int identification;
    private long sendErrors;

    /**
     * @param instance the instance's name, for logs
     * @param socket the socket it sends on: its channel's, or its VMAC's
     * @param writer the writer of its adverts
     * @param destinations the group, or the unicast peers in the writer's order
     * @param source the source address: for IPv6 put in each advert's ancillary data
     * @param unicastHopLimit the hop limit of IPv6 unicast adverts (unicast_ttl); IPv4 carries its TTL in the header
     */
    public AdvertSender(String instance, SendSocket socket, AdvertisementWriter writer, List<InetAddress> destinations,
            InetAddress source, int unicastHopLimit) {
        if (writer.length() > MAX_PACKET || writer.destinationCount() != destinations.size()) {
            throw new IllegalArgumentException("(" + instance + ") the writer does not fit the destinations");
        }
        this.instance = instance;
        this.socket = socket;
        this.writer = writer;
        this.destinations = new Memory[destinations.size()];
        this.destinationLengths = new int[destinations.size()];
        this.destinationNames = new String[destinations.size()];
        for (int i = 0; i < destinations.size(); i++) {
            this.destinations[i] = new Memory(Sockets.SOCKADDR_IN6_LENGTH);
            this.destinationLengths[i] = Sockets.writeSockaddr(this.destinations[i], destinations.get(i),
                    socket.interfaceIndex());
            this.destinationNames[i] = destinations.get(i).getHostAddress();
        }
        // multicast adverts stay on the link (keepalived sends them with MSG_DONTROUTE)
        this.flags = socket.key().unicast() ? 0 : Sockets.MSG_DONTROUTE;
        if (socket.key().family() == IpFamily.INET6) {
            prepareIpv6Message(source, socket.key().unicast() ? unicastHopLimit : -1);
        }
    }

    private void prepareIpv6Message(InetAddress source, int hopLimit) {
        control.clear();
        control.setLong(0, Sockets.CMSGHDR_LENGTH + Sockets.IN6_PKTINFO_LENGTH);
        control.setInt(8, Sockets.IPPROTO_IPV6);
        control.setInt(12, Sockets.IPV6_PKTINFO);
        control.write(Sockets.CMSGHDR_LENGTH, source.getAddress(), 0, 16);
        control.setInt(Sockets.CMSGHDR_LENGTH + 16, socket.interfaceIndex());
        int controlLength = PKTINFO_SPACE;
        if (hopLimit >= 0) {
            control.setLong(PKTINFO_SPACE, Sockets.CMSGHDR_LENGTH + 4);
            control.setInt(PKTINFO_SPACE + 8, Sockets.IPPROTO_IPV6);
            control.setInt(PKTINFO_SPACE + 12, Sockets.IPV6_HOPLIMIT);
            control.setInt(PKTINFO_SPACE + Sockets.CMSGHDR_LENGTH, hopLimit);
            controlLength += HOPLIMIT_SPACE;
        }
        iovec.setPointer(0, packet);
        message.clear();
        message.setPointer(16, iovec);
        message.setLong(24, 1);
        message.setPointer(32, control);
        message.setLong(40, controlLength);
    }

    /**
     * Switches to another writer with the same destinations, as when a peer turns out to use
     * keepalived 1.3.6's unicast checksum.
     *
     * @param replacement the writer
     */
    public void useWriter(AdvertisementWriter replacement) {
        if (replacement.destinationCount() != destinations.length || replacement.length() > MAX_PACKET) {
            throw new IllegalArgumentException("(" + instance + ") the writer does not fit the destinations");
        }
        this.writer = replacement;
    }

    /**
     * Sends an advert to every destination.
     *
     * @param priority the priority to advertise
     * @return the number of destinations it could not be sent to
     */
    public int send(int priority) {
        int failed = 0;
        for (int i = 0; i < destinations.length; i++) {
            int length = writer.write(packetView, priority, i, nextIdentification());
            try {
                if (socket.key().family() == IpFamily.INET) {
                    LinuxLibc.sendto(socket.fd(), packet, length, flags, destinations[i], destinationLengths[i]);
                } else {
                    iovec.setLong(8, length);
                    message.setPointer(0, destinations[i]);
                    message.setInt(8, destinationLengths[i]);
                    LinuxLibc.sendmsg(socket.fd(), message, flags);
                }
            } catch (LastErrorException e) {
                failed++;
                sendErrors++;
                // a stopping master on a downed interface cannot tell anyone; keepalived stays quiet too
                if (priority != 0 || e.getErrorCode() != Errno.ENETUNREACH) {
                    LOG.warn("({}) cannot send advert to {}: {}", instance, destinationNames[i], Errno.describe(e));
                }
            }
        }
        return failed;
    }

    /** @return how many sends failed */
    public long sendErrors() {
        return sendErrors;
    }

    /** keepalived's IPv4 identification: one more per advert, never 0. */
    private int nextIdentification() {
        identification = (identification + 1) & 0xffff;
        if (identification == 0) {
            identification = 1;
        }
        return identification;
    }
}
