package org.jkeepalived.netlink.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Splits a netlink datagram into its messages, each starting at a 4-byte boundary (netlink(7)). */
public final class NetlinkFrameDecoder {

    private NetlinkFrameDecoder() {
    }

    /**
     * @param datagram the bytes of one datagram, from its position to its limit
     * @return the messages in order
     * @throws NetlinkDecodeException if a header is truncated, a length is shorter than the header or
     *     runs past the datagram, or bytes are left over that cannot hold a header
     */
    public static List<NetlinkMessage> decode(ByteBuffer datagram) {
        ByteBuffer buffer = datagram.duplicate().order(ByteOrder.nativeOrder());
        List<NetlinkMessage> messages = new ArrayList<>();
        while (buffer.hasRemaining()) {
            int start = buffer.position();
            NetlinkHeader header = NetlinkHeader.decode(buffer);
            int length = header.length();
            if (length < NetlinkHeader.SIZE || length > buffer.limit() - start) {
                throw new NetlinkDecodeException("netlink message at byte " + start + " declares length "
                        + Integer.toUnsignedString(length) + ", the datagram has " + (buffer.limit() - start) + " bytes left");
            }
            ByteBuffer payload = buffer.duplicate().limit(start + length);
            messages.add(new NetlinkMessage(header, payload));
            buffer.position(Math.min(buffer.limit(), start + Alignment.align(length)));
        }
        return messages;
    }
}
