package org.jkeepalived.vrrp.internal.settings;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.vrrp.GarpSettings;
import org.jkeepalived.config.api.model.vrrp.UnicastPeer;
import org.jkeepalived.vrrp.internal.codec.Advertisement;
import org.jkeepalived.vrrp.internal.codec.AuthType;
import org.jkeepalived.vrrp.internal.codec.ChecksumRule;
import org.jkeepalived.vrrp.internal.codec.ReceiveRules;
import org.jkeepalived.vrrp.internal.codec.VrrpVersion;

/**
 * What a VRRP instance needs to speak the protocol: its virtual router, how it is elected, where its
 * adverts go and what it accepts. {@link VrrpSettingsMapper} makes it from a vrrp_instance.
 *
 * @param name the instance's name, for logs
 * @param family the family of its addresses and adverts
 * @param version the VRRP version
 * @param virtualRouterId the VRID, 1 to 255
 * @param priority the configured priority, 1 to 255 (255: the address owner)
 * @param advertIntervalCentiseconds advert_int in centiseconds; a whole number of seconds for VRRPv2
 * @param startAsMaster state MASTER: an owner is master at once, another instance waits one interval
 * @param preempt preempt, cleared by nopreempt
 * @param preemptDelay preempt_delay
 * @param interfaceName the interface; absent only for unicast instances
 * @param sourceAddress mcast_src_ip or unicast_src_ip; else the interface's primary address
 * @param multicastGroup the group multicast adverts go to; also the pseudo-header destination of
 *                       the legacy unicast checksum
 * @param unicastPeers unicast_peer: adverts go to each of them instead of the group
 * @param unicastTtl unicast_ttl: the TTL or hop limit of unicast adverts
 * @param checkUnicastSource check_unicast_src, or min_ttl/max_ttl on a peer
 * @param authType the VRRPv2 authentication type
 * @param authData the VRRPv2 authentication data (the password), with auth_type AH the HMAC key
 * @param virtualAddresses the virtual addresses of the instance's family, as advertised
 * @param v3ChecksumAsV2 v3_checksum_as_v2
 * @param legacyUnicastChecksum old_unicast_checksum
 * @param skipCheckAdvertAddresses skip_check_adv_addr
 * @param downTimerAdverts down_timer_adverts: the adverts a backup misses before taking over (3 in the RFCs)
 * @param lowerPriorityNoAdvert lower_prio_no_advert: a master ignores a lower priority advert
 * @param higherPrioritySendAdvert higher_prio_send_advert: a master answers a higher priority advert before leaving
 * @param ownerIgnoresAdverts owner_ignore_adverts
 * @param garp the gratuitous ARP and NA timing
 * @param announcementSpacing the least time between two gratuitous ARPs, or two NAs, of each interface
 * @param vmac use_vmac: the macvlan that carries the virtual router MAC address
 */
public record VrrpSettings(
        String name,
        IpFamily family,
        VrrpVersion version,
        int virtualRouterId,
        int priority,
        int advertIntervalCentiseconds,
        boolean startAsMaster,
        boolean preempt,
        Duration preemptDelay,
        Optional<String> interfaceName,
        Optional<InetAddress> sourceAddress,
        InetAddress multicastGroup,
        List<UnicastPeer> unicastPeers,
        int unicastTtl,
        boolean checkUnicastSource,
        AuthType authType,
        long authData,
        List<InetAddress> virtualAddresses,
        boolean v3ChecksumAsV2,
        LegacyUnicastChecksum legacyUnicastChecksum,
        boolean skipCheckAdvertAddresses,
        int downTimerAdverts,
        boolean lowerPriorityNoAdvert,
        boolean higherPrioritySendAdvert,
        boolean ownerIgnoresAdverts,
        GarpSettings garp,
        AnnouncementSpacing announcementSpacing,
        Optional<VirtualMac> vmac) {

    /** The priority of the address owner (RFC 5798 section 5.2.4). */
    public static final int OWNER_PRIORITY = 255;

    public VrrpSettings {
        unicastPeers = List.copyOf(unicastPeers);
        virtualAddresses = List.copyOf(virtualAddresses);
        require(virtualRouterId >= 1 && virtualRouterId <= 255, name, "virtual_router_id " + virtualRouterId + " is outside 1..255");
        require(priority >= 1 && priority <= OWNER_PRIORITY, name, "priority " + priority + " is outside 1..255");
        require(version == VrrpVersion.V3 || family == IpFamily.INET, name, "IPv6 needs VRRP version 3");
        int maxInterval = version == VrrpVersion.V2 ? 255 * 100 : Advertisement.MAX_V3_INTERVAL;
        require(advertIntervalCentiseconds >= 1 && advertIntervalCentiseconds <= maxInterval, name,
                "advert_int " + advertIntervalCentiseconds + " cs is outside 1.." + maxInterval + " cs");
        require(version == VrrpVersion.V3 || advertIntervalCentiseconds % 100 == 0, name,
                "a VRRPv2 advert_int is a whole number of seconds");
        require(version == VrrpVersion.V2 || authType == AuthType.NONE, name, "VRRPv3 has no authentication");
        require(interfaceName.isPresent() || !unicastPeers.isEmpty(), name, "a multicast instance needs an interface");
        require(downTimerAdverts >= 1 && downTimerAdverts <= 100, name, "down_timer_adverts " + downTimerAdverts + " is outside 1..100");
        for (InetAddress address : virtualAddresses) {
            require(IpFamily.of(address) == family, name, address.getHostAddress() + " is not of the instance's family");
        }
        require(virtualAddresses.size() <= Advertisement.MAX_ADDRESSES, name, "more than 255 virtual addresses");
        require(vmac.isEmpty() || interfaceName.isPresent(), name, "use_vmac needs an interface");
    }

    /** @return whether adverts go to unicast peers */
    public boolean unicast() {
        return !unicastPeers.isEmpty();
    }

    /** @return whether the instance owns its addresses (priority 255) */
    public boolean addressOwner() {
        return priority == OWNER_PRIORITY;
    }

    /** @return the interval as it goes on the wire: seconds for VRRPv2, centiseconds for VRRPv3 */
    public int wireAdvertInterval() {
        return version == VrrpVersion.V2 ? advertIntervalCentiseconds / 100 : advertIntervalCentiseconds;
    }

    /** @return the instance's advert, with its configured priority */
    public Advertisement advertisement() {
        // with AH the password keys the HMAC and the advert's authentication data is zero (RFC 2338 section 5.3.7)
        return new Advertisement(family, version, virtualRouterId, priority, wireAdvertInterval(), authType,
                authType == AuthType.AH ? 0 : authData, virtualAddresses);
    }

    /** @return the checksum rule of the adverts the instance sends */
    public ChecksumRule checksumRule() {
        if (version == VrrpVersion.V2 || (family == IpFamily.INET && v3ChecksumAsV2)) {
            return ChecksumRule.MESSAGE;
        }
        if (family == IpFamily.INET && unicast() && legacyUnicastChecksum == LegacyUnicastChecksum.ALWAYS) {
            return ChecksumRule.PSEUDO_HEADER_GROUP;
        }
        return ChecksumRule.PSEUDO_HEADER;
    }

    /** @return the checks the instance makes on received adverts */
    public ReceiveRules receiveRules() {
        return new ReceiveRules(family, version, authType, authData, wireAdvertInterval(), virtualAddresses,
                unicast(), unicastPeers, checkUnicastSource, checksumRule(),
                legacyUnicastChecksum == LegacyUnicastChecksum.DETECT, multicastGroup,
                ownerIgnoresAdverts && addressOwner());
    }

    /** @return the destinations of adverts: the unicast peers, or the multicast group */
    public List<InetAddress> destinations() {
        return unicast() ? unicastPeers.stream().map(UnicastPeer::address).toList() : List.of(multicastGroup);
    }

    @Override
    public String toString() {
        return "(" + name + ")";
    }

    private static void require(boolean condition, String name, String message) {
        if (!condition) {
            throw new IllegalArgumentException("(" + name + ") " + message);
        }
    }
}
