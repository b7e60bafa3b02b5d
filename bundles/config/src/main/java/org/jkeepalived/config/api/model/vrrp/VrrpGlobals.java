package org.jkeepalived.config.api.model.vrrp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Duration;

/**
 * The VRRP settings of global_defs. Every instance already carries the values that apply to it; these
 * are the defaults they came from.
 *
 * @param mcastGroup4 vrrp_mcast_group4 (default 224.0.0.18, RFC 5798 section 5.1.1.2)
 * @param mcastGroup6 vrrp_mcast_group6 (default ff02::12, RFC 5798 section 5.1.2.2)
 * @param defaultInterface default_interface: where addresses without a device go (default eth0)
 * @param version vrrp_version (default 2)
 * @param garp the vrrp_garp_* defaults
 * @param garpInterval vrrp_garp_interval: delay between gratuitous ARPs on one interface (default 0)
 * @param gnaInterval vrrp_gna_interval: delay between unsolicited NAs on one interface (default 0)
 * @param lowerPrioNoAdvert vrrp_lower_prio_no_advert
 * @param higherPrioSendAdvert vrrp_higher_prio_send_advert
 * @param checkUnicastSrc vrrp_check_unicast_src
 * @param skipCheckAdvAddr vrrp_skip_check_adv_addr
 * @param strict vrrp_strict
 * @param v3ChecksumAsV2 v3_checksum_as_v2
 * @param downTimerAdverts vrrp_down_timer_adverts (default 3)
 * @param startupDelay vrrp_startup_delay (default 0)
 * @param notifyPriorityChanges vrrp_notify_priority_changes
 * @param vmacPrefix vmac_prefix (default {@code vrrp})
 * @param vmacAddrPrefix vmac_addr_prefix (default vmacPrefix)
 * @param dynamicInterfaces dynamic_interfaces
 * @param logUnknownVrids log_unknown_vrids
 * @param ownerIgnoreAdverts vrrp_owner_ignore_adverts
 * @param disableLocalIgmp disable_local_igmp
 * @param nftables the nftables table of no_accept
 * @param scheduling vrrp_priority and vrrp_rt_priority: how the VRRP loop's thread is scheduled
 */
public record VrrpGlobals(
        Inet4Address mcastGroup4,
        Inet6Address mcastGroup6,
        String defaultInterface,
        int version,
        GarpSettings garp,
        Duration garpInterval,
        Duration gnaInterval,
        boolean lowerPrioNoAdvert,
        boolean higherPrioSendAdvert,
        boolean checkUnicastSrc,
        boolean skipCheckAdvAddr,
        boolean strict,
        boolean v3ChecksumAsV2,
        int downTimerAdverts,
        Duration startupDelay,
        boolean notifyPriorityChanges,
        String vmacPrefix,
        String vmacAddrPrefix,
        DynamicInterfaces dynamicInterfaces,
        boolean logUnknownVrids,
        boolean ownerIgnoreAdverts,
        boolean disableLocalIgmp,
        Nftables nftables,
        Scheduling scheduling) {


    /** dynamic_interfaces: whether configured interfaces may be missing at start. */
    public enum DynamicInterfaces {
        /** Interfaces must exist (the default). */
        NO,
        /** dynamic_interfaces: interfaces may come and go. */
        YES,
        /** dynamic_interfaces allow_if_changes: and may come back as another type or on another link. */
        ALLOW_IF_CHANGES
    }
}
