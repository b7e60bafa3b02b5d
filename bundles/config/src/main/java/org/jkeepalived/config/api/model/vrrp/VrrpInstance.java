package org.jkeepalived.config.api.model.vrrp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.config.api.model.net.IpAddressEntry;
import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.net.IpRoute;
import org.jkeepalived.config.api.model.net.IpRule;

/**
 * vrrp_instance: one virtual router on one interface, with global_defs' defaults and keepalived's
 * rules already applied (the version of IPv6 instances, the priority of a MASTER without one, the
 * accept mode of strict instances, ...).
 *
 * @param name the instance's name
 * @param family the family of its virtual addresses, which its adverts use
 * @param initialState state, or derived from the priority (255 starts as MASTER)
 * @param interfaceName interface; may be absent for a unicast instance
 * @param vrf vrf: the VRF of a unicast instance without an interface
 * @param vmac use_vmac and its companions
 * @param dontTrackPrimary dont_track_primary: a fault of the interface is ignored
 * @param trackInterfaces track_interface
 * @param trackScripts track_script, weights resolved against the vrrp_scripts
 * @param trackFiles track_file, weights resolved against the track_file blocks
 * @param trackProcesses track_process, weights resolved against the vrrp_track_process blocks
 * @param sourceAddress mcast_src_ip or unicast_src_ip: the source of adverts
 * @param trackSourceAddress track_src_ip: FAULT while the source address is missing
 * @param multicastGroup where adverts go: mcast_dst_ip or the global group of the family; empty for unicast
 * @param unicastPeers unicast_peer: adverts go to each of them instead of a multicast group
 * @param unicastTtl unicast_ttl (default 255)
 * @param unicastFaultNoPeer unicast_fault_no_peer: FAULT rather than multicast when no peer is left
 * @param checkUnicastSrc check_unicast_src: adverts from addresses that are not peers are dropped
 * @param virtualRouterId virtual_router_id, 1 to 255
 * @param version version: 2 or 3 (RFC 3768 or RFC 5798)
 * @param priority priority, 1 to 255; 255 is the address owner
 * @param advertInterval advert_int: whole seconds for v2, centiseconds for v3 (default 1 s)
 * @param authentication authentication, v2 only
 * @param virtualAddresses virtual_ipaddress: the addresses in adverts, at most 255 (RFC 5798 section 5.2.5)
 * @param excludedAddresses virtual_ipaddress_excluded: added and removed with the others, not advertised
 * @param noVirtualAddress no_virtual_ipaddress: an instance without addresses is intended
 * @param promoteSecondaries promote_secondaries
 * @param virtualRoutes virtual_routes
 * @param virtualRules virtual_rules
 * @param accept accept mode (RFC 5798 section 6.1): accept, or no_accept; strict mode accepts only as owner
 * @param preempt preempt, cleared by nopreempt (RFC 5798 section 6.1 Preempt_Mode)
 * @param preemptDelay preempt_delay, 0 to 1000 s
 * @param skipCheckAdvAddr skip_check_adv_addr
 * @param strictMode strict_mode (default vrrp_strict)
 * @param notifyScripts notify scripts
 * @param notifyPriorityChanges notify_priority_changes
 * @param smtpAlert smtp_alert, with the global defaults applied
 * @param garp gratuitous ARP and NA settings
 * @param downTimerAdverts down_timer_adverts: adverts missed before the master is down (default 3)
 * @param timerExpiredBackup timer_expired_backup: the highest priority of the others, if set
 * @param lowerPrioNoAdvert lower_prio_no_advert
 * @param higherPrioSendAdvert higher_prio_send_advert
 * @param ownerIgnoreAdverts owner_ignore_adverts: an address owner ignores adverts
 * @param v3ChecksumAsV2 v3_checksum_as_v2: no pseudo-header in the IPv4 VRRPv3 checksum
 */
public record VrrpInstance(
        String name,
        IpFamily family,
        VrrpState initialState,
        Optional<String> interfaceName,
        Optional<String> vrf,
        Optional<Vmac> vmac,
        boolean dontTrackPrimary,
        List<TrackedInterface> trackInterfaces,
        List<TrackedScript> trackScripts,
        List<TrackedFile> trackFiles,
        List<TrackedProcess> trackProcesses,
        Optional<InetAddress> sourceAddress,
        boolean trackSourceAddress,
        Optional<InetAddress> multicastGroup,
        List<UnicastPeer> unicastPeers,
        int unicastTtl,
        boolean unicastFaultNoPeer,
        boolean checkUnicastSrc,
        int virtualRouterId,
        int version,
        int priority,
        Duration advertInterval,
        Optional<VrrpAuthentication> authentication,
        List<IpAddressEntry> virtualAddresses,
        List<IpAddressEntry> excludedAddresses,
        boolean noVirtualAddress,
        boolean promoteSecondaries,
        List<IpRoute> virtualRoutes,
        List<IpRule> virtualRules,
        boolean accept,
        boolean preempt,
        Duration preemptDelay,
        boolean skipCheckAdvAddr,
        boolean strictMode,
        NotifyScripts notifyScripts,
        boolean notifyPriorityChanges,
        boolean smtpAlert,
        GarpSettings garp,
        int downTimerAdverts,
        Optional<Integer> timerExpiredBackup,
        boolean lowerPrioNoAdvert,
        boolean higherPrioSendAdvert,
        boolean ownerIgnoreAdverts,
        boolean v3ChecksumAsV2) {

    /** The priority of the address owner (RFC 5798 section 5.2.4). */
    public static final int OWNER_PRIORITY = 255;

    public VrrpInstance {
        trackInterfaces = List.copyOf(trackInterfaces);
        trackScripts = List.copyOf(trackScripts);
        trackFiles = List.copyOf(trackFiles);
        trackProcesses = List.copyOf(trackProcesses);
        unicastPeers = List.copyOf(unicastPeers);
        virtualAddresses = List.copyOf(virtualAddresses);
        excludedAddresses = List.copyOf(excludedAddresses);
        virtualRoutes = List.copyOf(virtualRoutes);
        virtualRules = List.copyOf(virtualRules);
    }

    /** @return whether adverts go to unicast peers */
    public boolean unicast() {
        return !unicastPeers.isEmpty();
    }

    /** @return whether this instance owns its addresses (priority 255) */
    public boolean addressOwner() {
        return priority == OWNER_PRIORITY;
    }

    @Override
    public String toString() {
        return "vrrp_instance " + name + " (VRID " + virtualRouterId + interfaceName.map(i -> " on " + i).orElse("") + ")";
    }
}
