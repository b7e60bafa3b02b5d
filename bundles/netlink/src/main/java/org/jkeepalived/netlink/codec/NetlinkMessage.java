package org.jkeepalived.netlink.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One netlink message of a datagram: its header and the bytes after it.
 *
 * @param header the header
 * @param payload the {@code nlmsg_len - 16} bytes after the header (read-only, host byte order)
 */
public record NetlinkMessage(NetlinkHeader header, ByteBuffer payload) {

    /** @param header the header
     *  @param payload the bytes after the header */
    public NetlinkMessage {
        payload = payload.slice().asReadOnlyBuffer().order(ByteOrder.nativeOrder());
    }

    /** @return the payload from its start, as a new buffer each time so that readers do not disturb each other */
    @Override
    public ByteBuffer payload() {
        return payload.duplicate().order(ByteOrder.nativeOrder());
    }

    /** @return the message type */
    public int type() {
        return header.type();
    }

    /**
     * Reads the attributes that follow a fixed-size family header, such as {@code struct ifinfomsg}.
     *
     * @param familyHeaderSize the size of the family header, aligned to 4
     * @return the attributes
     * @throws NetlinkDecodeException if the payload is shorter than the family header or an attribute is malformed
     */
    public Attributes attributes(int familyHeaderSize) {
        return Attributes.decode(payloadOfAtLeast(familyHeaderSize).position(familyHeaderSize));
    }

    /**
     * @param familyHeaderSize the size of the family header
     * @return the family header, positioned at its start
     * @throws NetlinkDecodeException if the payload is shorter than that
     */
    public ByteBuffer familyHeader(int familyHeaderSize) {
        return payloadOfAtLeast(familyHeaderSize).limit(familyHeaderSize).slice().order(ByteOrder.nativeOrder());
    }

    private ByteBuffer payloadOfAtLeast(int familyHeaderSize) {
        ByteBuffer buffer = payload();
        if (buffer.remaining() < familyHeaderSize) {
            throw new NetlinkDecodeException("message type " + type() + " needs a " + familyHeaderSize
                    + "-byte header, has " + buffer.remaining() + " bytes");
        }
        return buffer;
    }
}
