package org.jkeepalived.vrrp.internal.link;

import java.net.Inet4Address;
import java.nio.ByteBuffer;

import org.jkeepalived.config.api.model.vrrp.MacAddress;

/**
 * A gratuitous ARP as keepalived sends it ({@code send_gratuitous_arp_immediate()}): an ARP request
 * (RFC 826) broadcast on the link, asking for the address it announces, so that every neighbour
 * updates its cache with the sender's MAC address (RFC 5227 section 3 calls it an ARP announcement).
 */
public final class GratuitousArp {

    /** The length of the frame: Ethernet header and ARP payload. */
    public static final int LENGTH = Ethernet.HEADER_LENGTH + 28;

    private static final int HARDWARE_ETHERNET = 1;
    private static final int OPERATION_REQUEST = 1;

    private GratuitousArp() {
    }

    /**
     * @param out the buffer, written at absolute indexes
     * @param offset where the frame starts
     * @param sender the MAC address that now owns the address: the interface's, or the virtual router's
     * @param address the announced address, both sender and target protocol address
     */
    public static void write(ByteBuffer out, int offset, MacAddress sender, Inet4Address address) {
        Ethernet.writeHeader(out, offset, Ethernet.BROADCAST, sender, Ethernet.ETHERTYPE_ARP);
        int arp = offset + Ethernet.HEADER_LENGTH;
        out.putShort(arp, (short) HARDWARE_ETHERNET);
        out.putShort(arp + 2, (short) Ethernet.ETHERTYPE_IPV4);
        out.put(arp + 4, (byte) 6);
        out.put(arp + 5, (byte) 4);
        out.putShort(arp + 6, (short) OPERATION_REQUEST);
        Ethernet.putMac(out, arp + 8, sender);
        out.put(arp + 14, address.getAddress());
        Ethernet.putMac(out, arp + 18, Ethernet.BROADCAST);
        out.put(arp + 24, address.getAddress());
    }
}
