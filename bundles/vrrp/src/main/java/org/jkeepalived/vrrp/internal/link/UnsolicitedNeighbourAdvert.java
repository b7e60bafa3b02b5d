package org.jkeepalived.vrrp.internal.link;

import java.net.Inet6Address;
import java.nio.ByteBuffer;

import org.jkeepalived.config.api.model.vrrp.MacAddress;
import org.jkeepalived.vrrp.internal.codec.InternetChecksum;
import org.jkeepalived.vrrp.internal.codec.Ipv6Header;

/**
 * An unsolicited neighbour advertisement (RFC 4861 section 4.4 and 7.2.6) as keepalived sends it
 * ({@code ndisc_send_unsolicited_na_immediate()}): from the announced address to all nodes (ff02::1),
 * hop limit 255, with the Override flag so that neighbours replace the cached link-layer address, the
 * Router flag when the host forwards IPv6, and the target link-layer address option.
 */
public final class UnsolicitedNeighbourAdvert {

    /** The length of the frame: Ethernet, IPv6, the advertisement and its option. */
    public static final int LENGTH = Ethernet.HEADER_LENGTH + Ipv6Header.LENGTH + 24 + 8;

    private static final int PROTOCOL_ICMPV6 = 58;
    private static final int TYPE_NEIGHBOUR_ADVERTISEMENT = 136;
    private static final int FLAG_ROUTER = 0x80;
    private static final int FLAG_OVERRIDE = 0x20;
    private static final int OPTION_TARGET_LINK_LAYER_ADDRESS = 2;
    private static final byte[] ALL_NODES = {(byte) 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    private UnsolicitedNeighbourAdvert() {
    }

    /**
     * @param out the buffer, written at absolute indexes
     * @param offset where the frame starts
     * @param sender the MAC address that now owns the address
     * @param address the announced address: the source and the target
     * @param router whether to set the Router flag (the host forwards IPv6)
     */
    public static void write(ByteBuffer out, int offset, MacAddress sender, Inet6Address address, boolean router) {
        Ethernet.writeHeader(out, offset, Ethernet.ipv6Multicast(ALL_NODES), sender, Ethernet.ETHERTYPE_IPV6);
        int icmpLength = LENGTH - Ethernet.HEADER_LENGTH - Ipv6Header.LENGTH;
        Ipv6Header.write(out, offset + Ethernet.HEADER_LENGTH, 0, icmpLength, PROTOCOL_ICMPV6, Ipv6Header.HOP_LIMIT,
                address.getAddress(), ALL_NODES);
        int icmp = offset + Ethernet.HEADER_LENGTH + Ipv6Header.LENGTH;
        out.put(icmp, (byte) TYPE_NEIGHBOUR_ADVERTISEMENT);
        out.put(icmp + 1, (byte) 0);
        out.putShort(icmp + 2, (short) 0);
        out.putInt(icmp + 4, (FLAG_OVERRIDE | (router ? FLAG_ROUTER : 0)) << 24);
        out.put(icmp + 8, address.getAddress());
        out.put(icmp + 24, (byte) OPTION_TARGET_LINK_LAYER_ADDRESS);
        out.put(icmp + 25, (byte) 1);
        Ethernet.putMac(out, icmp + 26, sender);
        long sum = InternetChecksum.pseudoHeader(address.getAddress(), ALL_NODES, PROTOCOL_ICMPV6, icmpLength);
        out.putShort(icmp + 2, (short) InternetChecksum.finish(InternetChecksum.add(sum, out, icmp, icmpLength)));
    }
}
