package org.jkeepalived.checker.ping;

import java.util.OptionalInt;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * ICMP and ICMPv6 echo messages as a ping socket exchanges them: the ICMP header and data, without
 * the IP header. The kernel sets the identifier (the socket's own) and, for ICMP, the checksum; for
 * ICMPv6 it computes the checksum over the pseudo-header (RFC 4443 section 2.3). RFC 792 and RFC 4443
 * section 4 give the layout: type, code, checksum, identifier, sequence number, data.
 */
final class EchoMessage {

    static final int ICMP_ECHO_REQUEST = 8;
    static final int ICMP_ECHO_REPLY = 0;
    static final int ICMPV6_ECHO_REQUEST = 128;
    static final int ICMPV6_ECHO_REPLY = 129;

    private static final int HEADER_LENGTH = 8;
    private static final int SEQUENCE_OFFSET = 6;

    private EchoMessage() {
    }

    /**
     * @param ipv6 whether the request is ICMPv6
     * @param sequence the sequence number, 0 to 65535
     * @param data the data to carry, echoed back by the server
     * @return the request
     */
    static ByteBuf request(boolean ipv6, int sequence, byte[] data) {
        ByteBuf request = Unpooled.buffer(HEADER_LENGTH + data.length);
        request.writeByte(ipv6 ? ICMPV6_ECHO_REQUEST : ICMP_ECHO_REQUEST);
        request.writeByte(0);
        request.writeShort(0);
        request.writeShort(0);
        request.writeShort(sequence);
        request.writeBytes(data);
        return request;
    }

    /**
     * @param ipv6 whether the message is ICMPv6
     * @param message a message that arrived on the socket
     * @return the sequence number if it is an echo reply, else empty
     */
    static OptionalInt replySequence(boolean ipv6, ByteBuf message) {
        if (message.readableBytes() < HEADER_LENGTH) {
            return OptionalInt.empty();
        }
        int type = message.getUnsignedByte(message.readerIndex());
        if (type != (ipv6 ? ICMPV6_ECHO_REPLY : ICMP_ECHO_REPLY) || message.getUnsignedByte(message.readerIndex() + 1) != 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(message.getUnsignedShort(message.readerIndex() + SEQUENCE_OFFSET));
    }
}
