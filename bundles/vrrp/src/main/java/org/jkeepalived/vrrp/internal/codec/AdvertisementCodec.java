package org.jkeepalived.vrrp.internal.codec;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.jkeepalived.config.api.model.net.IpFamily;

/**
 * The VRRP message itself, from the version byte to the end of the addresses (and the VRRPv2
 * authentication data):
 *
 * <pre>
 * v2: 0x21 VRID Priority Count | AuthType AdverInt(s) Checksum | addresses | auth data (8)
 * v3: 0x31 VRID Priority Count | rsvd(4) MaxAdverInt(12, cs) Checksum | addresses
 * </pre>
 */
public final class AdvertisementCodec {

    /** The fixed part of a VRRP message. */
    public static final int HEADER_LENGTH = 8;

    /** The VRRP type of an advertisement, the only one (RFC 5798 section 5.2.2). */
    public static final int TYPE_ADVERTISEMENT = 1;

    /** Where the VRID is. */
    public static final int VIRTUAL_ROUTER_ID = 1;

    static final int PRIORITY = 2;
    static final int COUNT = 3;
    static final int AUTH_TYPE = 4;
    static final int ADVERT_INTERVAL_V2 = 5;
    static final int ADVERT_INTERVAL_V3 = 4;
    static final int CHECKSUM = 6;

    private AdvertisementCodec() {
    }

    /**
     * @param version the version
     * @param family the address family
     * @param addressCount the number of addresses
     * @return the length of the VRRP message
     */
    public static int length(VrrpVersion version, IpFamily family, int addressCount) {
        return HEADER_LENGTH + addressCount * addressLength(family)
                + (version == VrrpVersion.V2 ? AuthType.DATA_LENGTH : 0);
    }

    /**
     * @param family a family
     * @return the length of one of its addresses
     */
    public static int addressLength(IpFamily family) {
        return family == IpFamily.INET ? 4 : 16;
    }

    /**
     * Writes an advert with a zero checksum; {@link AdvertisementWriter} fills in the checksum the
     * destination calls for.
     *
     * @param advert the advert
     * @param out the buffer, written at absolute indexes
     * @param offset where the message starts
     * @return the message's length
     */
    public static int encode(Advertisement advert, ByteBuffer out, int offset) {
        out.put(offset, (byte) ((advert.version().number() << 4) | TYPE_ADVERTISEMENT));
        out.put(offset + VIRTUAL_ROUTER_ID, (byte) advert.virtualRouterId());
        out.put(offset + PRIORITY, (byte) advert.priority());
        out.put(offset + COUNT, (byte) advert.addresses().size());
        if (advert.version() == VrrpVersion.V2) {
            out.put(offset + AUTH_TYPE, (byte) advert.authType().code());
            out.put(offset + ADVERT_INTERVAL_V2, (byte) advert.advertInterval());
        } else {
            out.putShort(offset + ADVERT_INTERVAL_V3, (short) (advert.advertInterval() & Advertisement.MAX_V3_INTERVAL));
        }
        out.putShort(offset + CHECKSUM, (short) 0);
        int at = offset + HEADER_LENGTH;
        for (InetAddress address : advert.addresses()) {
            byte[] bytes = address.getAddress();
            out.put(at, bytes);
            at += bytes.length;
        }
        if (advert.version() == VrrpVersion.V2) {
            out.putLong(at, advert.authData());
            at += AuthType.DATA_LENGTH;
        }
        return at - offset;
    }

    /**
     * Reads a message whose length has been checked against its address count (see
     * {@link AdvertisementReader}, which also checks the rest).
     *
     * @param message the buffer
     * @param offset where the message starts
     * @param family the family of the packet that carried it
     * @return the advert
     * @throws IllegalArgumentException if the version is neither 2 nor 3 or the message is shorter
     *         than its address count says
     */
    public static Advertisement decode(ByteBuffer message, int offset, IpFamily family) {
        VrrpVersion version = VrrpVersion.of((message.get(offset) & 0xff) >>> 4);
        int count = message.get(offset + COUNT) & 0xff;
        int length = length(version, family, count);
        if (message.limit() - offset < length) {
            throw new IllegalArgumentException("a VRRP message with " + count + " addresses needs " + length
                    + " bytes, not " + (message.limit() - offset));
        }
        int addressLength = addressLength(family);
        List<InetAddress> addresses = new ArrayList<>(count);
        int at = offset + HEADER_LENGTH;
        for (int i = 0; i < count; i++, at += addressLength) {
            addresses.add(address(message, at, addressLength));
        }
        if (version == VrrpVersion.V2) {
            AuthType authType = AuthType.ofCode(message.get(offset + AUTH_TYPE) & 0xff);
            if (authType == null) {
                throw new IllegalArgumentException("unknown authentication type " + (message.get(offset + AUTH_TYPE) & 0xff));
            }
            return new Advertisement(family, version, message.get(offset + VIRTUAL_ROUTER_ID) & 0xff,
                    message.get(offset + PRIORITY) & 0xff, message.get(offset + ADVERT_INTERVAL_V2) & 0xff,
                    authType, message.getLong(at), addresses);
        }
        return new Advertisement(family, version, message.get(offset + VIRTUAL_ROUTER_ID) & 0xff,
                message.get(offset + PRIORITY) & 0xff,
                message.getShort(offset + ADVERT_INTERVAL_V3) & Advertisement.MAX_V3_INTERVAL,
                AuthType.NONE, 0, addresses);
    }

    /**
     * @param message a buffer
     * @param offset where a message starts
     * @return its checksum field
     */
    public static int checksum(ByteBuffer message, int offset) {
        return message.getShort(offset + CHECKSUM) & 0xffff;
    }

    static InetAddress address(ByteBuffer buffer, int offset, int length) {
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes make an address", e);
        }
    }
}
