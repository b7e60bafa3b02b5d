package org.jkeepalived.vrrp.internal.codec;

import java.nio.ByteBuffer;

/**
 * The IPv4 header of an advert, which keepalived builds itself on an {@code IP_HDRINCL} socket
 * ({@code vrrp_build_ip4()}): no options, TOS 0xc0, no fragmentation, its own identification.
 */
public final class Ipv4Header {

    /** The length of a header without options. */
    public static final int LENGTH = 20;

    /** Internetwork control (precedence 6, DSCP CS6), what keepalived gives VRRP. */
    public static final int TOS_NETWORK_CONTROL = 0xc0;

    /** The TTL of multicast adverts and the only one a multicast receiver accepts (RFC 5798 section 5.1.1.3). */
    public static final int VRRP_TTL = 255;

    /** The protocol number of VRRP (RFC 5798 section 5.1.1.4). */
    public static final int PROTOCOL_VRRP = 112;

    /** The protocol number of the IPsec authentication header, which precedes VRRP with auth_type AH. */
    public static final int PROTOCOL_AH = 51;

    static final int TOTAL_LENGTH = 2;
    static final int IDENTIFICATION = 4;
    static final int TTL = 8;
    public static final int PROTOCOL = 9;
    static final int CHECKSUM = 10;
    static final int SOURCE = 12;
    static final int DESTINATION = 16;

    private Ipv4Header() {
    }

    /**
     * Writes a header with its checksum.
     *
     * @param out the buffer, written at absolute indexes
     * @param offset where the header starts
     * @param totalLength the length of header and payload
     * @param identification the identification field
     * @param ttl the time to live
     * @param protocol the payload's protocol
     * @param source the 4 bytes of the source address
     * @param destination the 4 bytes of the destination address
     */
    public static void write(ByteBuffer out, int offset, int totalLength, int identification, int ttl, int protocol,
            byte[] source, byte[] destination) {
        out.put(offset, (byte) 0x45);
        out.put(offset + 1, (byte) TOS_NETWORK_CONTROL);
        out.putShort(offset + TOTAL_LENGTH, (short) totalLength);
        out.putShort(offset + IDENTIFICATION, (short) identification);
        out.putShort(offset + 6, (short) 0);
        out.put(offset + TTL, (byte) ttl);
        out.put(offset + PROTOCOL, (byte) protocol);
        out.putShort(offset + CHECKSUM, (short) 0);
        out.put(offset + SOURCE, source);
        out.put(offset + DESTINATION, destination);
        out.putShort(offset + CHECKSUM, (short) InternetChecksum.finish(InternetChecksum.add(0, out, offset, LENGTH)));
    }
}
