package org.jkeepalived.netlink.socket;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.LastErrorException;

import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.netlink.api.NetlinkException;
import org.jkeepalived.netlink.codec.NetlinkDecodeException;
import org.jkeepalived.netlink.codec.NetlinkError;
import org.jkeepalived.netlink.codec.NetlinkFrameDecoder;
import org.jkeepalived.netlink.codec.NetlinkHeader;
import org.jkeepalived.netlink.codec.NetlinkMessage;

/**
 * A netlink socket for synchronous requests: each request gets the next sequence number, and the
 * caller waits, up to a timeout, for the kernel's acknowledgement or the end of its dump. Replies to
 * an earlier request that timed out are recognised by their sequence number and dropped. Requests from
 * several threads are served one at a time.
 *
 * <p>The socket belongs to the network namespace of the thread that opened it, whichever thread uses it.
 */
public final class NetlinkSocket implements AutoCloseable {

    /** {@code NETLINK_ROUTE}: rtnetlink. */
    public static final int NETLINK_ROUTE = 0;
    /** {@code NETLINK_GENERIC}: generic netlink. */
    public static final int NETLINK_GENERIC = 16;

    /** A dump that changes under the kernel's feet is read again, up to this many times. */
    private static final int DUMP_ATTEMPTS = 5;
    private static final int FLAGS_OFFSET = 6;

    private final NetlinkChannel channel;
    private final long timeoutNanos;
    private int sequence;

    private NetlinkSocket(NetlinkChannel channel, Duration timeout) {
        this.channel = channel;
        this.timeoutNanos = timeout.toNanos();
    }

    /**
     * Opens a socket in the calling thread's network namespace.
     *
     * @param protocol {@link #NETLINK_ROUTE} or {@link #NETLINK_GENERIC}
     * @param timeout how long to wait for the kernel's answer to a request
     * @return the socket
     * @throws NetlinkException if the socket cannot be opened
     */
    public static NetlinkSocket open(int protocol, Duration timeout) {
        NetlinkChannel channel = new NetlinkChannel(protocol, 0, 0);
        try {
            channel.receiveTimeout(timeout);
            return new NetlinkSocket(channel, timeout);
        } catch (LastErrorException e) {
            channel.close();
            throw new NetlinkException("set the timeout of a netlink socket", e.getErrorCode(), null, e);
        }
    }

    /**
     * Sends a request with {@code NLM_F_REQUEST | NLM_F_ACK} and waits for the acknowledgement.
     *
     * @param request the encoded request; its sequence number is set here
     * @param operation what the request does, for the error message, for example {@code add 192.0.2.10/32 to eth0}
     * @return the replies that came before the acknowledgement, such as the object a GET asked for
     * @throws NetlinkException if the kernel refused the request, did not answer in time, or answered garbage
     */
    public synchronized List<NetlinkMessage> request(ByteBuffer request, String operation) {
        return exchange(request, NetlinkHeader.NLM_F_REQUEST | NetlinkHeader.NLM_F_ACK, operation).messages();
    }

    /**
     * Sends a dump request with {@code NLM_F_REQUEST | NLM_F_DUMP} and collects the replies until
     * {@code NLMSG_DONE}. A dump the kernel flags as inconsistent ({@code NLM_F_DUMP_INTR}) is read again.
     *
     * @param request the encoded request; its sequence number is set here
     * @param operation what is dumped, for the error message, for example {@code list links}
     * @return the replies
     * @throws NetlinkException if the kernel refused the request, did not answer in time, or answered garbage
     */
    public synchronized List<NetlinkMessage> dump(ByteBuffer request, String operation) {
        for (int attempt = 1; attempt <= DUMP_ATTEMPTS; attempt++) {
            Replies replies = exchange(request, NetlinkHeader.NLM_F_REQUEST | NetlinkHeader.NLM_F_DUMP, operation);
            if (!replies.interrupted()) {
                return replies.messages();
            }
        }
        throw new NetlinkException(operation, Errno.EAGAIN,
                "the dump was inconsistent " + DUMP_ATTEMPTS + " times in a row: the objects change too fast");
    }

    private Replies exchange(ByteBuffer request, int flags, String operation) {
        int expected = nextSequence();
        ByteBuffer message = ByteBuffer.allocate(request.remaining()).order(ByteOrder.nativeOrder());
        message.put(request.duplicate()).flip();
        message.putShort(FLAGS_OFFSET, (short) (message.getShort(FLAGS_OFFSET) | flags));
        message.putInt(NetlinkHeader.SEQUENCE_OFFSET, expected);
        try {
            channel.send(message);
        } catch (LastErrorException e) {
            throw new NetlinkException(operation, e.getErrorCode(), null, e);
        }
        long deadline = System.nanoTime() + timeoutNanos;
        List<NetlinkMessage> replies = new ArrayList<>();
        boolean interrupted = false;
        while (true) {
            ByteBuffer datagram;
            try {
                datagram = channel.receive(true);
            } catch (LastErrorException e) {
                throw new NetlinkException(operation, e.getErrorCode(), null, e);
            }
            if (datagram == null || System.nanoTime() - deadline > 0) {
                throw new NetlinkException(operation, Errno.ETIMEDOUT, null);
            }
            try {
                for (NetlinkMessage reply : NetlinkFrameDecoder.decode(datagram)) {
                    NetlinkHeader header = reply.header();
                    if (header.sequence() != expected) {
                        continue;
                    }
                    interrupted |= header.isDumpInterrupted();
                    if (header.isError() || header.isDone()) {
                        NetlinkError status = header.isError() ? NetlinkError.decode(reply) : NetlinkError.decodeDone(reply);
                        if (!status.isAck()) {
                            throw new NetlinkException(operation, status.errno(), status.message());
                        }
                        return new Replies(replies, interrupted);
                    }
                    if (header.type() >= NetlinkHeader.NLMSG_MIN_TYPE) {
                        replies.add(reply);
                    }
                }
            } catch (NetlinkDecodeException e) {
                throw new NetlinkException(operation, Errno.EBADMSG, e.getMessage(), e);
            }
        }
    }

    private int nextSequence() {
        sequence++;
        if (sequence == 0) {
            sequence = 1;
        }
        return sequence;
    }

    /** Closes the socket. */
    @Override
    public synchronized void close() {
        channel.close();
    }

    private record Replies(List<NetlinkMessage> messages, boolean interrupted) {
    }
}
