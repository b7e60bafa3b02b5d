package org.jkeepalived.vrrp.internal.codec;

import java.nio.ByteBuffer;

/**
 * The fixed IPv6 header (RFC 8200 section 3). The kernel builds it for adverts; this writes it for
 * frames sent on packet sockets (unsolicited neighbour advertisements) and for tests.
 */
public final class Ipv6Header {

    /** The length of the fixed header. */
    public static final int LENGTH = 40;

    /** The hop limit of multicast adverts and of neighbour discovery (RFC 5798 section 5.1.2.3, RFC 4861). */
    public static final int HOP_LIMIT = 255;

    private Ipv6Header() {
    }

    /**
     * @param out the buffer, written at absolute indexes
     * @param offset where the header starts
     * @param trafficClass the traffic class (keepalived gives adverts 0xc0)
     * @param payloadLength the length after this header
     * @param nextHeader the payload's protocol
     * @param hopLimit the hop limit
     * @param source the 16 bytes of the source address
     * @param destination the 16 bytes of the destination address
     */
    public static void write(ByteBuffer out, int offset, int trafficClass, int payloadLength, int nextHeader,
            int hopLimit, byte[] source, byte[] destination) {
        out.putInt(offset, (6 << 28) | (trafficClass << 20));
        out.putShort(offset + 4, (short) payloadLength);
        out.put(offset + 6, (byte) nextHeader);
        out.put(offset + 7, (byte) hopLimit);
        out.put(offset + 8, source);
        out.put(offset + 24, destination);
    }
}
