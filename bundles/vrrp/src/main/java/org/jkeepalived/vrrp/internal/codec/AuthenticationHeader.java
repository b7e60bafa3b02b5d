package org.jkeepalived.vrrp.internal.codec;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The IPsec authentication header of VRRPv2 auth_type AH (RFC 2338 section 5.3.6.2), as keepalived
 * sends and checks it: the header of RFC 2402 section 2 between the IPv4 header and the advert, its
 * SPI the sender's address, and an integrity check value that is HMAC-MD5-96 (RFC 2403) keyed with
 * the 8 bytes of auth_pass over the IPv4 header, with its mutable fields zeroed (RFC 2402 section
 * 3.3.3.1.1.1), the authentication header, with the value zeroed, and the advert.
 *
 * <p>One instance's: it holds the padded keys, a buffer and the digest, and allocates nothing per
 * packet (which {@code javax.crypto.Mac} would). Not thread-safe; used on the instance's event loop.
 */
public final class AuthenticationHeader {

    /** The length of the header with a 96-bit value. */
    public static final int LENGTH = 24;

    /** The length of the integrity check value: HMAC-MD5 cut to 96 bits (RFC 2403 section 3). */
    static final int ICV_LENGTH = 12;

    private static final int NEXT_HEADER = 0;
    private static final int PAYLOAD_LENGTH = 1;
    private static final int SPI = 4;
    private static final int SEQUENCE_NUMBER = 8;
    private static final int ICV = 12;
    /** The header's length in 32-bit words, minus 2 (RFC 2402 section 2.2). */
    private static final int PAYLOAD_LENGTH_VALUE = LENGTH / 4 - 2;
    private static final int MAX_PACKET = 1 << 16;
    private static final int TOS = 1;
    private static final int FRAGMENT = 6;
    /** The block length of MD5, to which HMAC pads the key (RFC 2104 section 2). */
    private static final int BLOCK_LENGTH = 64;
    private static final int DIGEST_LENGTH = 16;

    private final MessageDigest md5;
    private final byte[] innerPad = new byte[BLOCK_LENGTH];
    private final byte[] outerPad = new byte[BLOCK_LENGTH];
    private final boolean unicast;
    private final byte[] scratch = new byte[MAX_PACKET];
    private final byte[] digest = new byte[DIGEST_LENGTH];
    private long lastSequenceNumber;

    /**
     * @param key the 8 bytes of authentication data made from auth_pass, big-endian
     * @param unicast whether the instance sends to unicast peers: the TTL is then mutable too, as
     *                keepalived treats it
     */
    public AuthenticationHeader(long key, boolean unicast) {
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no MD5, which auth_type AH needs", e);
        }
        ByteBuffer.wrap(innerPad).putLong(key);
        ByteBuffer.wrap(outerPad).putLong(key);
        for (int i = 0; i < BLOCK_LENGTH; i++) {
            innerPad[i] ^= 0x36;
            outerPad[i] ^= 0x5c;
        }
        this.unicast = unicast;
    }

    /**
     * Writes the fixed fields of a header.
     *
     * @param out the buffer, written at absolute indexes
     * @param offset where the header starts, after the IPv4 header
     * @param source the 4 bytes of the sender's address, its SPI
     */
    static void writeTemplate(ByteBuffer out, int offset, byte[] source) {
        out.put(offset + NEXT_HEADER, (byte) Ipv4Header.PROTOCOL_VRRP);
        out.put(offset + PAYLOAD_LENGTH, (byte) PAYLOAD_LENGTH_VALUE);
        out.putShort(offset + 2, (short) 0);
        out.put(offset + SPI, source);
    }

    /**
     * Gives a packet the next sequence number and its integrity check value.
     *
     * @param packet an IPv4 packet written by {@link AdvertisementWriter}, from index 0
     * @param length its length
     */
    public void sign(ByteBuffer packet, int length) {
        // keepalived stops at 0xfffffffd; at one advert a second that is 136 years away
        lastSequenceNumber = Math.min(lastSequenceNumber + 1, 0xfffffffdL);
        packet.putInt(Ipv4Header.LENGTH + SEQUENCE_NUMBER, (int) lastSequenceNumber);
        computeIcv(packet, Ipv4Header.LENGTH, length);
        packet.put(Ipv4Header.LENGTH + ICV, digest, 0, ICV_LENGTH);
    }

    /**
     * Checks a received packet's header as keepalived does ({@code vrrp_in_chk_ipsecah()}): first the
     * integrity check value, then that the SPI is the source address, then that the sequence number
     * is above the last one sent or accepted, which it then becomes (the anti-replay check of RFC
     * 2402 section 3.4.3, with one counter for both directions).
     *
     * @param packet the IPv4 packet, from index 0
     * @param headerLength the length of its IPv4 header, where this header starts
     * @param length the packet's length, at least {@code headerLength + LENGTH}
     * @return why it fails, or {@code null} if it passes
     */
    String verify(ByteBuffer packet, int headerLength, int length) {
        computeIcv(packet, headerLength, length);
        boolean equal = true;
        for (int i = 0; i < ICV_LENGTH; i++) {
            equal &= packet.get(headerLength + ICV + i) == digest[i];
        }
        if (!equal) {
            return "wrong IPsec AH HMAC-MD5 value: a wrong auth_pass, or a packet changed on the way";
        }
        if (packet.getInt(headerLength + SPI) != packet.getInt(Ipv4Header.SOURCE)) {
            return "IPsec AH SPI is not the source address";
        }
        long sequenceNumber = Integer.toUnsignedLong(packet.getInt(headerLength + SEQUENCE_NUMBER));
        if (sequenceNumber <= lastSequenceNumber) {
            return "IPsec AH sequence number " + sequenceNumber + " is not above " + lastSequenceNumber + ": a replay";
        }
        lastSequenceNumber = sequenceNumber;
        return null;
    }

    /** @return whether the header at {@code offset} carries VRRP */
    static boolean carriesVrrp(ByteBuffer packet, int offset) {
        return (packet.get(offset + NEXT_HEADER) & 0xff) == Ipv4Header.PROTOCOL_VRRP;
    }

    private void computeIcv(ByteBuffer packet, int headerLength, int length) {
        packet.get(0, scratch, 0, length);
        scratch[TOS] = 0;
        scratch[FRAGMENT] = 0;
        scratch[FRAGMENT + 1] = 0;
        scratch[Ipv4Header.CHECKSUM] = 0;
        scratch[Ipv4Header.CHECKSUM + 1] = 0;
        if (unicast) {
            scratch[Ipv4Header.TTL] = 0;
        }
        for (int i = 0; i < ICV_LENGTH; i++) {
            scratch[headerLength + ICV + i] = 0;
        }
        // HMAC-MD5 = MD5(key ^ opad, MD5(key ^ ipad, text)) (RFC 2104 section 2)
        try {
            md5.update(innerPad);
            md5.update(scratch, 0, length);
            md5.digest(digest, 0, DIGEST_LENGTH);
            md5.update(outerPad);
            md5.update(digest);
            md5.digest(digest, 0, DIGEST_LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("an MD5 digest is 16 bytes", e);
        }
    }
}
