package org.jkeepalived.vrrp.internal.codec;

/**
 * What the checksum of an advert covers. VRRPv2 and VRRPv3 differ, and VRRPv3 over IPv4 has three
 * variants in the field; keepalived speaks all of them.
 */
public enum ChecksumRule {

    /**
     * The VRRP message alone: VRRPv2 (RFC 3768 section 5.3.8), and VRRPv3 over IPv4 with
     * {@code v3_checksum_as_v2}, as RFC 9568 section 5.2.8, Cisco and Juniper have it.
     */
    MESSAGE,

    /**
     * The message and the pseudo-header of the packet's real source and destination: VRRPv3 (RFC 5798
     * section 5.2.8), for IPv4 keepalived's default and for IPv6 the only rule.
     */
    PSEUDO_HEADER,

    /**
     * The message and a pseudo-header whose destination is the multicast group even for a unicast
     * advert: keepalived up to 1.3.6 (old_unicast_checksum), detected on receive by later versions.
     */
    PSEUDO_HEADER_GROUP
}
