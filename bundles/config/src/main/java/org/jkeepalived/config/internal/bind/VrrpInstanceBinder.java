package org.jkeepalived.config.internal.bind;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.model.net.IpAddressEntry;
import org.jkeepalived.config.api.model.net.IpRoute;
import org.jkeepalived.config.api.model.net.IpRule;
import org.jkeepalived.config.api.model.vrrp.GarpSettings;
import org.jkeepalived.config.api.model.vrrp.MacAddress;
import org.jkeepalived.config.api.model.vrrp.UnicastPeer;
import org.jkeepalived.config.api.model.vrrp.VrrpAuthentication;
import org.jkeepalived.config.api.model.vrrp.VrrpState;

/** vrrp_instance NAME { ... }. */
final class VrrpInstanceBinder {

    private static final Duration HOUR = Duration.ofHours(1);

    /** An address line and where it is written, to report a family that does not fit. */
    record Located<T>(T value, ConfigLocation location) {
    }

    static final class Draft {
        final String name;
        final ConfigLocation location;
        VrrpState state;
        String interfaceName;
        String vrf;
        boolean useVmac;
        String vmacName;
        MacAddress vmacAddress;
        boolean vmacFiveOctets;
        boolean vmacNetlinkNotify;
        String vmacGroup;
        boolean vmacXmitBase;
        boolean useVmacAddr;
        boolean dontTrackPrimary;
        final Tracking tracking = new Tracking();
        Located<InetAddress> sourceAddress;
        boolean trackSourceAddress;
        Located<InetAddress> multicastGroup;
        final List<Located<UnicastPeer>> unicastPeers = new ArrayList<>();
        int unicastTtl = 255;
        boolean unicastFaultNoPeer;
        boolean checkUnicastSrc;
        Integer virtualRouterId;
        boolean virtualRouterIdWritten;
        Integer version;
        Integer priority;
        Duration advertInterval = Duration.ofSeconds(1);
        ConfigLocation advertIntervalLocation;
        VrrpAuthentication authentication;
        ConfigLocation authenticationLocation;
        final List<Located<IpAddressEntry>> virtualAddresses = new ArrayList<>();
        final List<Located<IpAddressEntry>> excludedAddresses = new ArrayList<>();
        boolean noVirtualAddress;
        boolean promoteSecondaries;
        final List<IpRoute> virtualRoutes = new ArrayList<>();
        final List<IpRule> virtualRules = new ArrayList<>();
        Boolean accept;
        boolean nopreempt;
        ConfigLocation nopreemptLocation;
        Duration preemptDelay = Duration.ZERO;
        Boolean skipCheckAdvAddr;
        Boolean strictMode;
        final NotifyDraft notify = new NotifyDraft();
        Boolean notifyPriorityChanges;
        Boolean smtpAlert;
        Duration garpMasterDelay;
        Integer garpMasterRepeat;
        Duration garpMasterRefresh;
        Integer garpMasterRefreshRepeat;
        Duration garpLowerPrioDelay;
        Integer garpLowerPrioRepeat;
        Optional<GarpSettings.ExtraInterfaces> garpExtraInterfaces;
        Integer downTimerAdverts;
        Integer timerExpiredBackup;
        Boolean lowerPrioNoAdvert;
        Boolean higherPrioSendAdvert;
        boolean ownerIgnoreAdverts;
        Boolean v3ChecksumAsV2;

        Draft(String name, ConfigLocation location) {
            this.name = name;
            this.location = location;
        }
    }

    static final Keywords<Draft> KEYWORDS = new Keywords<Draft>()
            .add("state", "state MASTER|BACKUP", (d, a) -> {
                if (a.exactly(1)) {
                    a.choice(0, Map.of("MASTER", VrrpState.MASTER, "BACKUP", VrrpState.BACKUP)).ifPresent(v -> d.state = v);
                }
            })
            .add("interface", "interface INTERFACE", (d, a) -> a.single().ifPresent(v -> d.interfaceName = v))
            .add("vrf", "vrf VRF_INTERFACE", (d, a) -> a.single().ifPresent(v -> d.vrf = v))
            .add("use_vmac", "use_vmac [[name] INTERFACE] [MAC_ADDRESS] [netlink_notify_msg] [group GROUP]",
                    VrrpInstanceBinder::useVmac)
            .add("use_vmac_addr", "use_vmac_addr", (d, a) -> d.useVmacAddr = a.bare())
            .add("vmac_xmit_base", "vmac_xmit_base", (d, a) -> d.vmacXmitBase = a.bare())
            .add("dont_track_primary", "dont_track_primary", (d, a) -> d.dontTrackPrimary = a.bare())
            .add("mcast_src_ip", "mcast_src_ip IP", VrrpInstanceBinder::sourceAddress)
            .add("unicast_src_ip", "unicast_src_ip IP", VrrpInstanceBinder::sourceAddress)
            .add("mcast_dst_ip", "mcast_dst_ip MULTICAST_IP", (d, a) -> {
                if (a.exactly(1)) {
                    a.address(0).ifPresent(v -> d.multicastGroup = new Located<>(v, a.location(0)));
                }
            })
            .add("track_src_ip", "track_src_ip", (d, a) -> d.trackSourceAddress = a.bare())
            .block("unicast_peer", "unicast_peer", VrrpInstanceBinder::unicastPeers)
            .add("unicast_ttl", "unicast_ttl <0-255>", (d, a) -> a.singleInt(0, 255).ifPresent(v -> d.unicastTtl = v))
            .add("unicast_fault_no_peer", "unicast_fault_no_peer", (d, a) -> d.unicastFaultNoPeer = a.bare())
            .add("check_unicast_src", "check_unicast_src", (d, a) -> d.checkUnicastSrc = a.bare())
            .add("virtual_router_id", "virtual_router_id <1-255>", (d, a) -> {
                d.virtualRouterIdWritten = true;
                a.singleInt(1, 255).ifPresent(v -> d.virtualRouterId = v);
            })
            .add("version", "version <2-3>", (d, a) -> a.singleInt(2, 3).ifPresent(v -> d.version = v))
            .add("priority", "priority <1-255>", (d, a) -> a.singleInt(1, 255).ifPresent(v -> d.priority = v))
            .add("advert_int", "advert_int SECONDS", (d, a) -> {
                a.singleTimer(Duration.ofMillis(10), Duration.ofSeconds(255)).ifPresent(v -> d.advertInterval = v);
                d.advertIntervalLocation = a.location();
            })
            .block("authentication", "authentication", VrrpInstanceBinder::authentication)
            .block("virtual_ipaddress", "virtual_ipaddress", (d, a) -> addresses(a, d.virtualAddresses))
            .block("virtual_ipaddress_excluded", "virtual_ipaddress_excluded", (d, a) -> addresses(a, d.excludedAddresses))
            .add("no_virtual_ipaddress", "no_virtual_ipaddress", (d, a) -> d.noVirtualAddress = a.bare())
            .add("promote_secondaries", "promote_secondaries", (d, a) -> d.promoteSecondaries = a.bare())
            .block("virtual_routes", "virtual_routes", (d, a) -> {
                a.atMost(0);
                a.block().orElseThrow().entries().forEach(e ->
                        RouteParser.parse(e, "virtual_routes", false, a.context()).ifPresent(d.virtualRoutes::add));
            })
            .block("virtual_rules", "virtual_rules", (d, a) -> {
                a.atMost(0);
                a.block().orElseThrow().entries().forEach(e ->
                        RuleParser.parse(e, "virtual_rules", a.context()).ifPresent(d.virtualRules::add));
            })
            .add("accept", "accept", (d, a) -> d.accept = a.bare())
            .add("no_accept", "no_accept", (d, a) -> d.accept = !a.bare())
            .add("preempt", "preempt", (d, a) -> d.nopreempt = !a.bare())
            .add("nopreempt", "nopreempt", (d, a) -> {
                d.nopreempt = a.bare();
                d.nopreemptLocation = a.location();
            })
            .add("preempt_delay", "preempt_delay SECONDS",
                    (d, a) -> a.singleTimer(Duration.ZERO, Duration.ofSeconds(1000)).ifPresent(v -> d.preemptDelay = v))
            .add("skip_check_adv_addr", "skip_check_adv_addr [BOOL]", (d, a) -> d.skipCheckAdvAddr = a.flag())
            .add("strict_mode", "strict_mode [BOOL]", (d, a) -> d.strictMode = a.flag())
            .add("smtp_alert", "smtp_alert [BOOL]", (d, a) -> d.smtpAlert = a.flag())
            .add("notify_priority_changes", "notify_priority_changes [BOOL]", (d, a) -> d.notifyPriorityChanges = a.flag())
            .add("garp_master_delay", "garp_master_delay SECONDS",
                    (d, a) -> a.singleTimer(Duration.ZERO, HOUR).ifPresent(v -> d.garpMasterDelay = v))
            .add("garp_master_repeat", "garp_master_repeat COUNT", (d, a) -> a.singleInt(1, 255).ifPresent(v -> d.garpMasterRepeat = v))
            .add("garp_master_refresh", "garp_master_refresh SECONDS",
                    (d, a) -> a.singleTimer(Duration.ZERO, Duration.ofDays(1)).ifPresent(v -> d.garpMasterRefresh = v))
            .add("garp_master_refresh_repeat", "garp_master_refresh_repeat COUNT",
                    (d, a) -> a.singleInt(1, 255).ifPresent(v -> d.garpMasterRefreshRepeat = v))
            .add("garp_lower_prio_delay", "garp_lower_prio_delay SECONDS",
                    (d, a) -> a.singleTimer(Duration.ZERO, HOUR).ifPresent(v -> d.garpLowerPrioDelay = v))
            .add("garp_lower_prio_repeat", "garp_lower_prio_repeat COUNT",
                    (d, a) -> a.singleInt(0, 255).ifPresent(v -> d.garpLowerPrioRepeat = v))
            .add("garp_extra_if", "garp_extra_if [all] SECONDS",
                    (d, a) -> d.garpExtraInterfaces = GlobalDefsBinder.garpExtraInterfaces(a))
            .deprecated("vmac_garp_intvl", "garp_extra_if")
            .add("down_timer_adverts", "down_timer_adverts <1-100>", (d, a) -> a.singleInt(1, 100).ifPresent(v -> d.downTimerAdverts = v))
            .add("timer_expired_backup", "timer_expired_backup [<1-254>]", (d, a) -> {
                a.atMost(1);
                d.timerExpiredBackup = a.has(0) ? a.integer(0, 1, 254).map(Long::intValue).orElse(254) : 254;
            })
            .add("lower_prio_no_advert", "lower_prio_no_advert [BOOL]", (d, a) -> d.lowerPrioNoAdvert = a.flag())
            .add("higher_prio_send_advert", "higher_prio_send_advert [BOOL]", (d, a) -> d.higherPrioSendAdvert = a.flag())
            .add("owner_ignore_adverts", "owner_ignore_adverts", (d, a) -> d.ownerIgnoreAdverts = a.bare())
            .add("v3_checksum_as_v2", "v3_checksum_as_v2 [BOOL]", (d, a) -> d.v3ChecksumAsV2 = a.flag())
            .ignored("native_ipv6", "deprecated; the family follows the virtual addresses")
            .ignored("debug", "keepalived does not implement it either")
            .ignored("kernel_rx_buf_size", "jkeepalived sizes its socket buffers itself")
            .ignored("linkbeat_use_polling", "deprecated; link state comes from netlink")
            .ignored("thread_timer_expired", "jkeepalived schedules adverts against absolute deadlines")
            .unsupported("use_ipvlan", "use use_vmac")
            .unsupported("old_unicast_checksum", "peers older than keepalived 1.3.6 are not supported")
            .unsupported("lvs_sync_daemon_interface", "deprecated for global_defs' lvs_sync_daemon, and the IPVS "
                    + "connection sync daemon is not managed");
    static {
        Tracking.addTo(KEYWORDS, draft -> draft.tracking);
        NotifyDraft.addTo(KEYWORDS, draft -> draft.notify);
        NotifyDraft.addInstanceOnlyTo(KEYWORDS, draft -> draft.notify);
    }

    /** The keywords of the authentication block. */
    private static final Keywords<Draft> AUTHENTICATION = new Keywords<Draft>()
            .add("auth_type", "auth_type PASS|AH", (d, a) -> {
                if (a.exactly(1)) {
                    a.choice(0, Map.of("PASS", VrrpAuthentication.Type.PASS, "AH", VrrpAuthentication.Type.AH))
                            .ifPresent(type -> d.authentication = new VrrpAuthentication(type,
                                    d.authentication == null ? "" : d.authentication.password()));
                }
            })
            .add("auth_pass", "auth_pass PASSWORD", (d, a) -> a.single().ifPresent(password -> {
                if (password.length() > VrrpAuthentication.MAX_PASSWORD_LENGTH) {
                    a.warning(0, "only the first " + VrrpAuthentication.MAX_PASSWORD_LENGTH + " characters of the password are used");
                    password = password.substring(0, VrrpAuthentication.MAX_PASSWORD_LENGTH);
                }
                d.authentication = new VrrpAuthentication(
                        d.authentication == null ? VrrpAuthentication.Type.PASS : d.authentication.type(), password);
            }));

    private VrrpInstanceBinder() {
    }

    private static void useVmac(Draft draft, Args args) {
        draft.useVmac = true;
        int i = 0;
        while (i < args.size()) {
            String word = args.word(i);
            if (word.equals("netlink_notify_msg")) {
                draft.vmacNetlinkNotify = true;
            } else if ((word.equals("group") || word.equals("name")) && args.require(i + 2)) {
                if (word.equals("group")) {
                    draft.vmacGroup = args.word(++i);
                } else {
                    draft.vmacName = args.word(++i);
                }
            } else if (word.indexOf(':') > 0) {
                mac(draft, args, i);
            } else if (draft.vmacName == null) {
                draft.vmacName = word;
            } else {
                args.invalid(i, "use_vmac [[name] INTERFACE] [MAC_ADDRESS] [netlink_notify_msg] [group GROUP]");
            }
            i++;
        }
    }

    /** A MAC address of six octets, or five that the VRID completes. */
    private static void mac(Draft draft, Args args, int index) {
        String[] octets = args.word(index).split(":", -1);
        long value = 0;
        if (octets.length == 5 || octets.length == 6) {
            for (String octet : octets) {
                Long parsed = octet.length() >= 1 && octet.length() <= 2 ? Args.parseLong(octet, 16) : null;
                if (parsed == null || parsed < 0) {
                    value = -1;
                    break;
                }
                value = (value << 8) | parsed;
            }
        } else {
            value = -1;
        }
        if (value < 0) {
            args.invalid(index, "a MAC address, as 00:00:5e:00:01:33, or its first five octets");
            return;
        }
        draft.vmacFiveOctets = octets.length == 5;
        draft.vmacAddress = new MacAddress(draft.vmacFiveOctets ? value << 8 : value);
    }

    private static void sourceAddress(Draft draft, Args args) {
        if (args.exactly(1)) {
            args.address(0).ifPresent(v -> draft.sourceAddress = new Located<>(v, args.location(0)));
        }
    }

    private static void unicastPeers(Draft draft, Args args) {
        args.atMost(0);
        for (ConfigEntry entry : args.block().orElseThrow().entries()) {
            Args line = Args.line(entry, "unicast_peer", "IP [min_ttl <0-255>] [max_ttl <0-255>]", args.context());
            Optional<InetAddress> address = line.address(0);
            Integer minTtl = null;
            Integer maxTtl = null;
            boolean valid = address.isPresent();
            for (int i = 1; i < line.size() && valid; i += 2) {
                String option = line.word(i);
                if (!option.equals("min_ttl") && !option.equals("max_ttl")) {
                    line.error(i, "unknown option '" + option + "'; expected min_ttl or max_ttl");
                    valid = false;
                } else if (line.require(i + 2)) {
                    Optional<Integer> ttl = line.integer(i + 1, 0, 255).map(Long::intValue);
                    valid = ttl.isPresent();
                    if (option.equals("min_ttl")) {
                        minTtl = ttl.orElse(null);
                    } else {
                        maxTtl = ttl.orElse(null);
                    }
                } else {
                    valid = false;
                }
            }
            if (valid) {
                draft.unicastPeers.add(new Located<>(new UnicastPeer(address.get(), Optional.ofNullable(minTtl),
                        Optional.ofNullable(maxTtl)), entry.location()));
            }
        }
    }

    private static void authentication(Draft draft, Args args) {
        args.atMost(0);
        draft.authenticationLocation = args.location();
        AUTHENTICATION.bind(args.block().orElseThrow(), draft, "authentication", args.context());
    }

    private static void addresses(Args args, List<Located<IpAddressEntry>> into) {
        args.atMost(0);
        for (ConfigEntry entry : args.block().orElseThrow().entries()) {
            AddressParser.parse(entry, args.name(), false, args.context())
                    .ifPresent(address -> into.add(new Located<>(address, entry.location())));
        }
    }
}
