package org.jkeepalived.vrrp.internal.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.core.api.linux.LinuxLibc;
import org.jkeepalived.core.api.loop.EventLoop;
import org.jkeepalived.core.api.loop.FdEvents;
import org.jkeepalived.core.api.loop.FdWatch;
import org.jkeepalived.vrrp.api.DropReason;
import org.jkeepalived.vrrp.internal.codec.Ipv4Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sockets of one {@link ChannelKey}, as keepalived opens them ({@code open_vrrp_read_socket()},
 * {@code open_vrrp_send_socket()}): a raw socket of protocol 112 (51 with auth_type AH) that receives, bound to the device
 * and joined to the group (or bound to the unicast source), and a {@link SendSocket}. Received
 * packets go to the instance of their VRID.
 *
 * <p>Everything runs on the channel's event loop, whose thread must be in the network namespace of
 * the interface when the channel is opened.
 */
public final class VrrpChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VrrpChannel.class);

    /** Larger than any advert: 255 IPv6 addresses take 4088 bytes. */
    private static final int RECEIVE_BUFFER = 8192;
    private static final int CONTROL_BUFFER = 128;
    private static final int VRRP_CHECKSUM_OFFSET = 6;
    private static final InetAddress IPV6_LOOPBACK = literal("::1");

    private final ChannelKey key;
    private final EventLoop loop;
    private final int interfaceIndex;
    private final int receiveFd;
    private final SendSocket send;
    private final UnknownVridLog unknownVrids;
    private final ChannelMember[] members = new ChannelMember[256];
    private final Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
    private final Memory buffer = new Memory(RECEIVE_BUFFER);
    private final Memory message = new Memory(Sockets.MSGHDR_LENGTH);
    private final Memory iovec = new Memory(Sockets.IOVEC_LENGTH);
    private final Memory name = new Memory(Sockets.SOCKADDR_IN6_LENGTH);
    private final Memory control = new Memory(CONTROL_BUFFER);
    private final ReceivedPacket packet;
    private final FdWatch watch;
    private int memberCount;

    private VrrpChannel(ChannelKey key, EventLoop loop, int interfaceIndex, int receiveFd, SendSocket send, UnknownVridLog unknownVrids) {
        this.key = key;
        this.loop = loop;
        this.interfaceIndex = interfaceIndex;
        this.receiveFd = receiveFd;
        this.send = send;
        this.unknownVrids = unknownVrids;
        this.packet = new ReceivedPacket(key.family(), Sockets.networkOrder(buffer));
        iovec.setPointer(0, buffer);
        iovec.setLong(8, RECEIVE_BUFFER);
        this.watch = loop.watch(receiveFd, FdEvents.READABLE, events -> receive());
    }

    /**
     * Opens a channel. Called on {@code loop}'s thread.
     *
     * @param loop the loop that runs the channel and its instances
     * @param key what the channel is for
     * @param unknownVrids what says that an advert's VRID is none of the channel's instances'
     * @return the open channel, watched by the loop
     * @throws IllegalStateException naming the channel and the failed call, if a socket cannot be set up
     */
    static VrrpChannel open(EventLoop loop, ChannelKey key, UnknownVridLog unknownVrids) {
        int interfaceIndex = key.interfaceName().map(Sockets::interfaceIndex).orElse(0);
        int family = key.family() == IpFamily.INET ? Sockets.AF_INET : Sockets.AF_INET6;
        int receiveFd = -1;
        SendSocket send = null;
        try {
            receiveFd = Sockets.rawSocket(family, key.protocol());
            setUpReceive(receiveFd, key, interfaceIndex);
            send = SendSocket.open(key);
            VrrpChannel channel = new VrrpChannel(key, loop, interfaceIndex, receiveFd, send, unknownVrids);
            LOG.info("VRRP channel {} open", key);
            return channel;
        } catch (RuntimeException e) {
            if (receiveFd >= 0) {
                Sockets.close(receiveFd);
            }
            if (send != null) {
                send.close();
            }
            throw new IllegalStateException("cannot open the VRRP channel " + key + ": " + e.getMessage(), e);
        }
    }

    private static void setUpReceive(int fd, ChannelKey key, int interfaceIndex) {
        boolean ipv4 = key.family() == IpFamily.INET;
        if (ipv4) {
            // only the groups joined on this socket, not every group the host joined
            Sockets.setInt(fd, Sockets.IPPROTO_IP, Sockets.IP_MULTICAST_ALL, 0, "IP_MULTICAST_ALL");
        }
        if (key.multicastGroup().isPresent()) {
            InetAddress group = key.multicastGroup().get();
            joinGroup(fd, group, interfaceIndex);
            // bound to the group (IPv4) or to ::1 (IPv6), the socket receives the group's adverts and no unicast
            Sockets.bind(fd, ipv4 ? group : IPV6_LOOPBACK, 0);
        } else {
            Sockets.bind(fd, key.unicastSource().orElseThrow(), interfaceIndex);
        }
        if (!ipv4) {
            // the hop limit (RFC 5798 section 7.1) and the destination arrive as ancillary data
            Sockets.setInt(fd, Sockets.IPPROTO_IPV6, Sockets.IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT");
            Sockets.setInt(fd, Sockets.IPPROTO_IPV6, Sockets.IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO");
            // the kernel verifies the checksum with the pseudo-header (RFC 5798 section 5.2.8)
            Sockets.setInt(fd, Sockets.IPPROTO_IPV6, Sockets.IPV6_CHECKSUM, VRRP_CHECKSUM_OFFSET, "IPV6_CHECKSUM");
        }
        key.interfaceName().ifPresent(name -> Sockets.bindToDevice(fd, name));
    }

    private static void joinGroup(int fd, InetAddress group, int interfaceIndex) {
        byte[] bytes = group.getAddress();
        if (bytes.length == 4) {
            Memory request = new Memory(12); // ip_mreqn: group, local address, interface index
            request.clear();
            request.write(0, bytes, 0, 4);
            request.setInt(8, interfaceIndex);
            Sockets.set(fd, Sockets.IPPROTO_IP, Sockets.IP_ADD_MEMBERSHIP, request, 12, "IP_ADD_MEMBERSHIP " + group.getHostAddress());
        } else {
            Memory request = new Memory(20); // ipv6_mreq: group, interface index
            request.write(0, bytes, 0, 16);
            request.setInt(16, interfaceIndex);
            Sockets.set(fd, Sockets.IPPROTO_IPV6, Sockets.IPV6_ADD_MEMBERSHIP, request, 20, "IPV6_ADD_MEMBERSHIP " + group.getHostAddress());
        }
    }

    /** @return what the channel is for */
    public ChannelKey key() {
        return key;
    }

    /** @return the loop that runs it */
    public EventLoop loop() {
        return loop;
    }

    /** @return the index of its interface, 0 without one */
    public int interfaceIndex() {
        return interfaceIndex;
    }

    /** @return the socket that sends the adverts of its instances */
    public SendSocket sendSocket() {
        return send;
    }

    /**
     * Gives the packets of a VRID to a member.
     *
     * @param virtualRouterId the VRID
     * @param member the instance
     * @throws IllegalArgumentException if another instance on the channel has the VRID
     */
    public void register(int virtualRouterId, ChannelMember member) {
        if (members[virtualRouterId] != null) {
            throw new IllegalArgumentException("VRID " + virtualRouterId + " is already used on " + key);
        }
        members[virtualRouterId] = member;
        memberCount++;
    }

    /** @param virtualRouterId a VRID whose member leaves the channel */
    public void unregister(int virtualRouterId) {
        if (members[virtualRouterId] != null) {
            members[virtualRouterId] = null;
            memberCount--;
        }
    }

    /** @return whether no instance uses the channel */
    public boolean isEmpty() {
        return memberCount == 0;
    }

    /**
     * @param reason a reason
     * @return how many packets the channel dropped for it before any instance saw them
     */
    public long drops(DropReason reason) {
        return drops.getOrDefault(reason, 0L);
    }

    /**
     * Reads one packet per readiness: the loop is level-triggered and calls again while packets
     * wait, and stopping at the first packet avoids the error of an empty read on each turn.
     */
    private void receive() {
        message.clear();
        message.setPointer(0, name);
        message.setInt(8, Sockets.SOCKADDR_IN6_LENGTH);
        message.setPointer(16, iovec);
        message.setLong(24, 1);
        message.setPointer(32, control);
        message.setLong(40, CONTROL_BUFFER);
        long length;
        try {
            length = LinuxLibc.recvmsg(receiveFd, message, Sockets.MSG_DONTWAIT);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != Errno.EAGAIN && e.getErrorCode() != Errno.EINTR) {
                LOG.warn("VRRP channel {}: receive failed: {}", key, Errno.describe(e));
            }
            return;
        }
        long now = loop.nanoTime();
        ByteBuffer data = packet.data();
        data.clear().limit((int) Math.min(length, RECEIVE_BUFFER));
        if (key.family() == IpFamily.INET6) {
            readAncillaryData();
        }
        int virtualRouterId = packet.virtualRouterId();
        if (virtualRouterId < 0) {
            count(DropReason.TRUNCATED);
            return;
        }
        ChannelMember member = members[virtualRouterId];
        if (member == null) {
            count(DropReason.UNKNOWN_VRID);
            unknownVrids.received(key, virtualRouterId);
            return;
        }
        member.received(packet, now);
    }

    private void readAncillaryData() {
        InetAddress source = address(name.getByteArray(8, 16));
        InetAddress destination = null;
        int hopLimit = -1;
        long controlLength = message.getLong(40);
        long offset = 0;
        while (offset + Sockets.CMSGHDR_LENGTH <= controlLength) {
            long cmsgLength = control.getLong(offset);
            int level = control.getInt(offset + 8);
            int type = control.getInt(offset + 12);
            if (cmsgLength < Sockets.CMSGHDR_LENGTH) {
                break;
            }
            if (level == Sockets.IPPROTO_IPV6 && type == Sockets.IPV6_HOPLIMIT) {
                hopLimit = control.getInt(offset + Sockets.CMSGHDR_LENGTH);
            } else if (level == Sockets.IPPROTO_IPV6 && type == Sockets.IPV6_PKTINFO) {
                destination = address(control.getByteArray(offset + Sockets.CMSGHDR_LENGTH, 16));
            }
            offset += (cmsgLength + 7) & ~7L;
        }
        // without IPV6_PKTINFO the destination is unknown: taken as unicast, which a multicast instance drops
        packet.ipv6Header(source, destination == null ? IPV6_LOOPBACK : destination, hopLimit);
    }

    private void count(DropReason reason) {
        drops.merge(reason, 1L, Long::sum);
    }

    /** Stops watching and closes the sockets. Called on the loop's thread. */
    @Override
    public void close() {
        watch.close();
        Sockets.close(receiveFd);
        send.close();
        LOG.info("VRRP channel {} closed", key);
    }

    /**
     * Closes the sockets of a channel whose loop was abandoned, on that loop's thread once it has
     * left the loop, which watches nothing any more.
     */
    public void closeAbandoned() {
        Sockets.close(receiveFd);
        send.close();
        LOG.info("VRRP channel {} of the abandoned loop closed", key);
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes make an address", e);
        }
    }

    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
