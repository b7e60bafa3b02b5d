package org.jkeepalived.vrrp.internal.link;

import java.nio.ByteBuffer;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.vrrp.MacAddress;

/** Ethernet II headers and the MAC addresses VRRP uses. */
public final class Ethernet {

    /** The length of the header: destination, source, EtherType. */
    public static final int HEADER_LENGTH = 14;

    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_ARP = 0x0806;
    public static final int ETHERTYPE_IPV6 = 0x86dd;

    /** The broadcast address. */
    public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);

    private Ethernet() {
    }

    /**
     * @param out the buffer, written at absolute indexes
     * @param offset where the header starts
     * @param destination the destination MAC address
     * @param source the source MAC address
     * @param etherType the payload's EtherType
     */
    public static void writeHeader(ByteBuffer out, int offset, MacAddress destination, MacAddress source, int etherType) {
        putMac(out, offset, destination);
        putMac(out, offset + 6, source);
        out.putShort(offset + 12, (short) etherType);
    }

    /**
     * @param out the buffer, written at absolute indexes
     * @param offset where the address goes
     * @param mac the address
     */
    public static void putMac(ByteBuffer out, int offset, MacAddress mac) {
        out.putShort(offset, (short) (mac.value() >>> 32));
        out.putInt(offset + 2, (int) mac.value());
    }

    /**
     * The virtual router MAC address (RFC 3768 section 7.3, RFC 5798 section 7.3):
     * 00-00-5E-00-01-{VRID} for IPv4, 00-00-5E-00-02-{VRID} for IPv6.
     *
     * @param family the family of the instance
     * @param virtualRouterId its VRID
     * @return the address
     */
    public static MacAddress virtualRouterMac(IpFamily family, int virtualRouterId) {
        return new MacAddress(0x0000_5e00_0000L | (family == IpFamily.INET ? 0x100 : 0x200) | virtualRouterId);
    }

    /**
     * The MAC address of an IPv4 multicast group (RFC 1112 section 6.4: 01-00-5E and the group's low 23 bits).
     *
     * @param group the 4 bytes of the group
     * @return the address
     */
    public static MacAddress ipv4Multicast(byte[] group) {
        return new MacAddress(0x0100_5e00_0000L | ((group[1] & 0x7fL) << 16) | ((group[2] & 0xffL) << 8) | (group[3] & 0xffL));
    }

    /**
     * The MAC address of an IPv6 multicast group (RFC 2464 section 7: 33-33 and the group's low 32 bits).
     *
     * @param group the 16 bytes of the group
     * @return the address
     */
    public static MacAddress ipv6Multicast(byte[] group) {
        return new MacAddress(0x3333_0000_0000L | (ByteBuffer.wrap(group).getInt(12) & 0xffff_ffffL));
    }
}
