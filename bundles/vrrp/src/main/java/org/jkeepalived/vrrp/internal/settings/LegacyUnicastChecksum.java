package org.jkeepalived.vrrp.internal.settings;

/**
 * keepalived's old_unicast_checksum: up to 1.3.6, keepalived put the multicast group in the
 * pseudo-header of unicast IPv4 VRRPv3 adverts instead of the peer.
 */
public enum LegacyUnicastChecksum {

    /** Send the RFC checksum, and switch to the old one if a peer is seen sending it (keepalived's default). */
    DETECT,

    /** old_unicast_checksum: send the old checksum. */
    ALWAYS,

    /** old_unicast_checksum never: send the RFC checksum and never accept the old one. */
    NEVER
}
