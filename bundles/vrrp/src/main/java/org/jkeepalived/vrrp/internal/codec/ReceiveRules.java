package org.jkeepalived.vrrp.internal.codec;

import java.net.InetAddress;
import java.util.List;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.vrrp.UnicastPeer;

/**
 * What an instance accepts from the wire: the checks of keepalived's {@code vrrp_check_packet()}
 * and of RFC 5798 section 7.1, with the instance's settings.
 *
 * @param family the instance's family
 * @param version the instance's VRRP version
 * @param authType the VRRPv2 authentication type
 * @param authData the VRRPv2 authentication data (the password), compared in constant time
 * @param advertInterval the VRRPv2 interval in seconds, which adverts must carry (RFC 3768 section 7.1)
 * @param addresses the virtual addresses, which adverts must list
 * @param unicast whether the instance uses unicast peers: the TTL is then not checked, and
 *                multicast adverts are dropped (multicast instances drop unicast ones)
 * @param peers the unicast peers, checked when {@code checkUnicastSource}
 * @param checkUnicastSource check_unicast_src: adverts from other sources are dropped
 * @param checksumRule the checksum rule of the instance's IPv4 VRRPv3 adverts (ignored otherwise)
 * @param detectLegacyUnicastChecksum whether a unicast IPv4 VRRPv3 advert with the checksum of
 *                                    keepalived 1.3.6 and before is accepted (and reported)
 * @param multicastGroup the IPv4 multicast group, the pseudo-header destination of that checksum
 * @param ownerIgnoresAdverts owner_ignore_adverts: an address owner drops every advert
 */
public record ReceiveRules(
        IpFamily family,
        VrrpVersion version,
        AuthType authType,
        long authData,
        int advertInterval,
        List<InetAddress> addresses,
        boolean unicast,
        List<UnicastPeer> peers,
        boolean checkUnicastSource,
        ChecksumRule checksumRule,
        boolean detectLegacyUnicastChecksum,
        InetAddress multicastGroup,
        boolean ownerIgnoresAdverts) {

    public ReceiveRules {
        addresses = List.copyOf(addresses);
        peers = List.copyOf(peers);
    }

    /**
     * @param rule another checksum rule
     * @return these rules with that checksum rule
     */
    public ReceiveRules withChecksumRule(ChecksumRule rule) {
        return new ReceiveRules(family, version, authType, authData, advertInterval, addresses, unicast, peers,
                checkUnicastSource, rule, detectLegacyUnicastChecksum, multicastGroup, ownerIgnoresAdverts);
    }
}
