package org.jkeepalived.netlink.socket;

import java.nio.ByteBuffer;
import java.util.List;

import com.sun.jna.LastErrorException;

import org.jkeepalived.netlink.api.NetlinkException;
import org.jkeepalived.netlink.codec.NetlinkFrameDecoder;
import org.jkeepalived.netlink.codec.NetlinkMessage;

/**
 * A non-blocking netlink socket that receives the kernel's events for some multicast groups, to be
 * watched by an event loop. If events come faster than they are read, the kernel drops some and the
 * next {@link #receive()} fails with {@code ENOBUFS}: the owner must then read the state again.
 * Not thread-safe: one thread, normally the loop's, reads it.
 */
public final class NetlinkMulticastSocket implements AutoCloseable {

    private static final int SOCK_NONBLOCK = 0x800;

    private final NetlinkChannel channel;

    private NetlinkMulticastSocket(NetlinkChannel channel) {
        this.channel = channel;
    }

    /**
     * Opens a socket in the calling thread's network namespace, joined to some groups.
     *
     * @param protocol {@link NetlinkSocket#NETLINK_ROUTE}...
     * @param groups the groups, a bit mask such as {@code RTMGRP_LINK | RTMGRP_IPV4_IFADDR}
     * @param receiveBufferBytes the receive buffer, which bounds the burst of events that can wait to be read
     * @return the socket
     * @throws NetlinkException if the socket cannot be opened
     */
    public static NetlinkMulticastSocket open(int protocol, int groups, int receiveBufferBytes) {
        NetlinkChannel channel = new NetlinkChannel(protocol, groups, SOCK_NONBLOCK);
        try {
            channel.receiveBuffer(receiveBufferBytes);
            return new NetlinkMulticastSocket(channel);
        } catch (LastErrorException e) {
            channel.close();
            throw new NetlinkException("set the receive buffer of a netlink socket", e.getErrorCode(), null, e);
        }
    }

    /** @return the file descriptor, to watch for readability */
    public int fd() {
        return channel.fd();
    }

    /**
     * Reads the next datagram of events, if one is waiting.
     *
     * @return its messages, or {@code null} if none is waiting
     * @throws NetlinkException with {@code ENOBUFS} if the kernel dropped events since the last read
     * @throws org.jkeepalived.netlink.codec.NetlinkDecodeException if the datagram is malformed
     */
    public List<NetlinkMessage> receive() {
        ByteBuffer datagram;
        try {
            datagram = channel.receive(false);
        } catch (LastErrorException e) {
            throw new NetlinkException("receive netlink events", e.getErrorCode(), null, e);
        }
        return datagram == null ? null : NetlinkFrameDecoder.decode(datagram);
    }

    /** Closes the socket; stop watching it first. */
    @Override
    public void close() {
        channel.close();
    }
}
