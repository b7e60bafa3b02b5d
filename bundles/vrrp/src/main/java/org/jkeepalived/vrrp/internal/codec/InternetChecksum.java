package org.jkeepalived.vrrp.internal.codec;

import java.nio.ByteBuffer;

/**
 * The Internet checksum (RFC 1071): the one's complement of the one's complement sum of 16-bit
 * words. Sums are kept unfolded in a {@code long} so that they can be added up in parts, such as a
 * pseudo-header computed once and a message computed per packet.
 */
public final class InternetChecksum {

    private InternetChecksum() {
    }

    /**
     * Adds bytes of a buffer to a sum, as big-endian 16-bit words; an odd last byte is padded with
     * zero. The buffer's position is not changed.
     *
     * @param sum the sum so far
     * @param buffer the bytes
     * @param offset where they start
     * @param length how many
     * @return the new sum
     */
    public static long add(long sum, ByteBuffer buffer, int offset, int length) {
        int end = offset + length;
        int i = offset;
        for (; i + 1 < end; i += 2) {
            sum += ((buffer.get(i) & 0xff) << 8) | (buffer.get(i + 1) & 0xff);
        }
        if (i < end) {
            sum += (buffer.get(i) & 0xff) << 8;
        }
        return sum;
    }

    /**
     * @param sum the sum so far
     * @param bytes bytes to add, of even length
     * @return the new sum
     */
    public static long add(long sum, byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i += 2) {
            sum += ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
        }
        return sum;
    }

    /**
     * The sum of the pseudo-header of IPv4 (RFC 768) or IPv6 (RFC 8200 section 8.1): source,
     * destination, upper-layer protocol and length. Both reduce to the same sum of words.
     *
     * @param source the source address, 4 or 16 bytes
     * @param destination the destination address
     * @param protocol the upper-layer protocol, 112 for VRRP
     * @param length the upper-layer length
     * @return the sum
     */
    public static long pseudoHeader(byte[] source, byte[] destination, int protocol, int length) {
        return add(add(0, source), destination) + protocol + (length >>> 16) + (length & 0xffff);
    }

    /**
     * @param sum a sum
     * @return the checksum: the sum folded to 16 bits and complemented; 0 when a sum over data that
     *         includes a correct checksum is given
     */
    public static int finish(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
