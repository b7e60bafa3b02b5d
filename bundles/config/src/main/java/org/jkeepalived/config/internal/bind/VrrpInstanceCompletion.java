package org.jkeepalived.config.internal.bind;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.model.GlobalDefs;
import org.jkeepalived.config.api.model.net.IpAddressEntry;
import org.jkeepalived.config.api.model.net.IpAddresses;
import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.vrrp.GarpSettings;
import org.jkeepalived.config.api.model.vrrp.MacAddress;
import org.jkeepalived.config.api.model.vrrp.TrackedFile;
import org.jkeepalived.config.api.model.vrrp.TrackedInterface;
import org.jkeepalived.config.api.model.vrrp.TrackedProcess;
import org.jkeepalived.config.api.model.vrrp.TrackedScript;
import org.jkeepalived.config.api.model.vrrp.UnicastPeer;
import org.jkeepalived.config.api.model.vrrp.Vmac;
import org.jkeepalived.config.api.model.vrrp.VrrpAuthentication;
import org.jkeepalived.config.api.model.vrrp.VrrpGlobals;
import org.jkeepalived.config.api.model.vrrp.VrrpInstance;
import org.jkeepalived.config.api.model.vrrp.VrrpState;

/**
 * What keepalived checks and settles once an instance is read (its vrrp_complete_instance): the
 * family of its addresses, its version and interval, its priority and state, the defaults it takes
 * from global_defs, the tracking a sync group allows, and the VRIDs instances must not share.
 */
final class VrrpInstanceCompletion {

    /** RFC 5798 section 5.2.5: the count of addresses is one octet. */
    static final int MAX_ADVERTISED_ADDRESSES = 255;

    private VrrpInstanceCompletion() {
    }

    /**
     * Applies keepalived's rules and global_defs' defaults, and checks what only the whole instance
     * shows: the family of its addresses, its version, its interval.
     */
    static Optional<VrrpInstance> build(VrrpInstanceBinder.Draft d, GlobalDefs globals, Tracking.Blocks trackable,
            SyncGroupBinder.Draft syncGroup, BindContext context) {
        String where = "vrrp_instance " + d.name;
        VrrpGlobals defaults = globals.vrrp();
        boolean valid = true;
        if (d.virtualRouterId == null) {
            if (!d.virtualRouterIdWritten) {
                context.error(d.location, where + ": virtual_router_id is missing; expected virtual_router_id <1-255>");
            }
            valid = false;
        }
        IpFamily family = family(d);
        List<IpAddressEntry> virtualAddresses = new ArrayList<>();
        List<IpAddressEntry> excluded = new ArrayList<>();
        for (VrrpInstanceBinder.Located<IpAddressEntry> address : d.virtualAddresses) {
            if (address.value().address().family() != family) {
                context.error(address.location(), where + ": " + address.value().address() + " is not "
                        + familyName(family) + " like the first virtual address; put addresses of the other family in "
                        + "virtual_ipaddress_excluded");
                valid = false;
            } else if (virtualAddresses.size() == MAX_ADVERTISED_ADDRESSES) {
                context.warning(address.location(), where + ": adverts hold at most " + MAX_ADVERTISED_ADDRESSES
                        + " addresses (RFC 5798 section 5.2.5); " + address.value().address() + " is not advertised");
                excluded.add(address.value());
            } else {
                virtualAddresses.add(address.value());
            }
        }
        d.excludedAddresses.forEach(address -> excluded.add(address.value()));
        if (d.virtualAddresses.isEmpty() && !d.noVirtualAddress) {
            context.warning(d.location, where + ": no virtual_ipaddress; give no_virtual_ipaddress if none is intended");
        }
        List<UnicastPeer> peers = new ArrayList<>();
        for (VrrpInstanceBinder.Located<UnicastPeer> peer : d.unicastPeers) {
            if (IpFamily.of(peer.value().address()) != family) {
                context.error(peer.location(), where + ": unicast peer " + IpAddresses.format(peer.value().address())
                        + " is not " + familyName(family) + " like the instance's addresses");
                valid = false;
            }
            peers.add(peer.value());
        }
        boolean unicast = !peers.isEmpty();
        if (d.interfaceName == null && !unicast) {
            context.error(d.location, where + ": interface is missing; only a unicast instance may go without one");
            valid = false;
        }
        if (d.sourceAddress != null && IpFamily.of(d.sourceAddress.value()) != family) {
            context.error(d.sourceAddress.location(), where + ": source address "
                    + IpAddresses.format(d.sourceAddress.value()) + " is not " + familyName(family));
            valid = false;
        }
        Optional<InetAddress> multicastGroup = unicast ? Optional.empty() : Optional.of(family == IpFamily.INET
                ? defaults.mcastGroup4() : defaults.mcastGroup6());
        if (d.multicastGroup != null) {
            InetAddress group = d.multicastGroup.value();
            if (!group.isMulticastAddress() || IpFamily.of(group) != family
                    || (family == IpFamily.INET6 && (group.getAddress()[1] & 0x0f) != 2)) {
                context.error(d.multicastGroup.location(), where + ": mcast_dst_ip " + IpAddresses.format(group) + " is not "
                        + (family == IpFamily.INET ? "an IPv4 multicast address" : "a link-local IPv6 multicast address (ffX2::)"));
                valid = false;
            } else if (!unicast) {
                multicastGroup = Optional.of(group);
            }
        }
        int version = version(d, defaults, family, where, context);
        Duration interval = advertInterval(d, version, where, context);
        int priority = d.priority != null ? d.priority
                : d.state == VrrpState.MASTER ? VrrpInstance.OWNER_PRIORITY : 100;
        boolean strict = d.strictMode != null ? d.strictMode : defaults.strict();
        if (strict && !StrictMode.enforce(d, family, version, priority == VrrpInstance.OWNER_PRIORITY, where, context)) {
            valid = false;
        }
        VrrpState state = d.state != null ? d.state
                : priority == VrrpInstance.OWNER_PRIORITY ? VrrpState.MASTER : VrrpState.BACKUP;
        boolean preempt = !d.nopreempt;
        if (d.nopreempt && state == VrrpState.MASTER) {
            context.warning(d.nopreemptLocation, where + ": nopreempt does not work with state MASTER; preempting");
            preempt = true;
        }
        Optional<VrrpAuthentication> authentication = Optional.ofNullable(d.authentication);
        if (authentication.isPresent() && version == 3) {
            context.warning(d.authenticationLocation, where + ": VRRPv3 has no authentication (RFC 5798); ignoring it");
            authentication = Optional.empty();
        }
        if (!valid) {
            return Optional.empty();
        }
        GarpSettings garp = garp(d, defaults.garp());
        List<TrackedInterface> trackInterfaces = d.tracking.interfaces;
        List<TrackedScript> trackScripts = d.tracking.resolveScripts(trackable.scripts(), context);
        List<TrackedFile> trackFiles = d.tracking.resolveFiles(trackable.files(), context);
        List<TrackedProcess> trackProcesses = d.tracking.resolveProcesses(trackable.processes(), context);
        if (syncGroup != null && !syncGroup.trackingWeight) {
            trackInterfaces = unweighted(trackInterfaces, where, syncGroup.name, context, d.location);
            trackScripts = withoutWeights(trackScripts, TrackedScript::weight, TrackedScript::name, "track_script", where,
                    syncGroup.name, context, d.location);
            trackFiles = withoutWeights(trackFiles, TrackedFile::weight, TrackedFile::name, "track_file", where,
                    syncGroup.name, context, d.location);
            trackProcesses = withoutWeights(trackProcesses, TrackedProcess::weight, TrackedProcess::name, "track_process",
                    where, syncGroup.name, context, d.location);
        }
        return Optional.of(new VrrpInstance(d.name, family, state, Optional.ofNullable(d.interfaceName),
                Optional.ofNullable(d.vrf), vmac(d, where, context), d.dontTrackPrimary, trackInterfaces, trackScripts, trackFiles,
                trackProcesses, Optional.ofNullable(d.sourceAddress).map(VrrpInstanceBinder.Located::value), d.trackSourceAddress,
                multicastGroup, peers,
                d.unicastTtl, d.unicastFaultNoPeer,
                d.checkUnicastSrc || defaults.checkUnicastSrc()
                        || peers.stream().anyMatch(p -> p.minTtl().isPresent() || p.maxTtl().isPresent()),
                d.virtualRouterId, version, priority, interval, authentication, virtualAddresses, excluded,
                d.noVirtualAddress, d.promoteSecondaries, d.virtualRoutes, d.virtualRules,
                d.accept != null ? d.accept : !strict || priority == VrrpInstance.OWNER_PRIORITY,
                preempt, d.preemptDelay,
                d.skipCheckAdvAddr != null ? d.skipCheckAdvAddr : defaults.skipCheckAdvAddr(), strict, d.notify.build(),
                d.notifyPriorityChanges != null ? d.notifyPriorityChanges : defaults.notifyPriorityChanges(),
                d.smtpAlert != null ? d.smtpAlert
                        : globals.notification().smtpAlertVrrp().or(() -> globals.notification().smtpAlert()).orElse(false),
                garp, d.downTimerAdverts != null ? d.downTimerAdverts : defaults.downTimerAdverts(),
                Optional.ofNullable(d.timerExpiredBackup),
                d.lowerPrioNoAdvert != null ? d.lowerPrioNoAdvert : defaults.lowerPrioNoAdvert(),
                d.higherPrioSendAdvert != null ? d.higherPrioSendAdvert : defaults.higherPrioSendAdvert(),
                d.ownerIgnoreAdverts || defaults.ownerIgnoreAdverts(),
                d.v3ChecksumAsV2 != null ? d.v3ChecksumAsV2 : defaults.v3ChecksumAsV2()));
    }

    /**
     * Members of a sync group must not track with weights, which would split the group's members
     * across masters; as keepalived does, weighted interfaces become unweighted and weighted scripts,
     * files and processes are dropped, unless the group has sync_group_tracking_weight.
     */
    private static List<TrackedInterface> unweighted(List<TrackedInterface> interfaces, String where, String group,
            BindContext context, ConfigLocation location) {
        List<TrackedInterface> kept = new ArrayList<>();
        for (TrackedInterface tracked : interfaces) {
            if (tracked.weight() != 0) {
                context.warning(location, where + ": the weight of track_interface " + tracked.name() + " is ignored in "
                        + "vrrp_sync_group " + group + " (add sync_group_tracking_weight to keep it)");
                kept.add(new TrackedInterface(tracked.name(), 0, tracked.reverse()));
            } else {
                kept.add(tracked);
            }
        }
        return kept;
    }

    private static <T> List<T> withoutWeights(List<T> tracked, ToIntFunction<T> weight, Function<T, String> name, String keyword, String where, String group, BindContext context,
            ConfigLocation location) {
        List<T> kept = new ArrayList<>();
        for (T item : tracked) {
            if (weight.applyAsInt(item) != 0) {
                context.warning(location, where + ": " + keyword + " " + name.apply(item) + " has a weight and is ignored "
                        + "in vrrp_sync_group " + group + " (add sync_group_tracking_weight to keep it)");
            } else {
                kept.add(item);
            }
        }
        return kept;
    }

    /**
     * Two instances with one VRID on one interface and family would take each other's adverts
     * (RFC 5798 section 7.1), unless they use different multicast groups or unicast peers that do not
     * overlap.
     */
    static void checkVirtualRouterIds(List<VrrpInstance> instances, Map<String, VrrpInstanceBinder.Draft> drafts, BindContext context) {
        for (int i = 0; i < instances.size(); i++) {
            VrrpInstance instance = instances.get(i);
            for (int j = 0; j < i; j++) {
                VrrpInstance earlier = instances.get(j);
                if (earlier.virtualRouterId() == instance.virtualRouterId() && earlier.family() == instance.family()
                        && earlier.interfaceName().equals(instance.interfaceName())
                        && earlier.unicast() == instance.unicast()
                        && (instance.unicast() ? earlier.unicastPeers().stream().anyMatch(p -> instance.unicastPeers()
                                .stream().anyMatch(q -> q.address().equals(p.address())))
                                : earlier.multicastGroup().equals(instance.multicastGroup()))) {
                    context.error(drafts.get(instance.name()).location, "vrrp_instance " + instance.name() + ": VRID "
                            + instance.virtualRouterId() + " is already used by vrrp_instance " + earlier.name()
                            + instance.interfaceName().map(name -> " on " + name).orElse("") + " for "
                            + familyName(instance.family()));
                    break;
                }
            }
        }
    }

    /** The family of the first virtual address; without one, of the peers or the source address. */
    private static IpFamily family(VrrpInstanceBinder.Draft d) {
        if (!d.virtualAddresses.isEmpty()) {
            return d.virtualAddresses.get(0).value().address().family();
        }
        if (!d.unicastPeers.isEmpty()) {
            return IpFamily.of(d.unicastPeers.get(0).value().address());
        }
        return d.sourceAddress != null ? IpFamily.of(d.sourceAddress.value()) : IpFamily.INET;
    }

    private static String familyName(IpFamily family) {
        return family == IpFamily.INET ? "IPv4" : "IPv6";
    }

    /** IPv6 instances always run VRRPv3: VRRPv2 is IPv4 only (RFC 3768). */
    private static int version(VrrpInstanceBinder.Draft d, VrrpGlobals defaults, IpFamily family, String where, BindContext context) {
        if (family == IpFamily.INET6) {
            if (d.version != null && d.version == 2) {
                context.warning(d.location, where + ": VRRPv2 is IPv4 only (RFC 3768); this IPv6 instance runs VRRPv3");
            }
            return 3;
        }
        return d.version != null ? d.version : defaults.version();
    }

    /**
     * VRRPv2 carries whole seconds (RFC 3768 section 5.3.7), VRRPv3 centiseconds up to 40.95 s
     * (RFC 5798 section 5.2.7); other intervals are rounded, as keepalived rounds them.
     */
    private static Duration advertInterval(VrrpInstanceBinder.Draft d, int version, String where, BindContext context) {
        Duration given = d.advertInterval;
        Duration rounded;
        if (version == 2) {
            long millis = given.toMillis();
            rounded = Duration.ofSeconds(Math.max(1, (millis + 500) / 1000));
        } else {
            long centis = Math.max(1, Math.min(4095, (given.toNanos() + 5_000_000) / 10_000_000));
            rounded = Duration.ofMillis(centis * 10);
        }
        if (!rounded.equals(given) && d.advertIntervalLocation != null) {
            context.warning(d.advertIntervalLocation, where + ": advert_int " + Args.seconds(given) + " is rounded to "
                    + Args.seconds(rounded) + (version == 2 ? ": VRRPv2 adverts carry whole seconds"
                            : ": VRRPv3 adverts carry centiseconds up to 40.95"));
        }
        return rounded;
    }

    private static GarpSettings garp(VrrpInstanceBinder.Draft d, GarpSettings global) {
        Duration masterDelay = d.garpMasterDelay != null ? d.garpMasterDelay : global.masterDelay();
        int masterRepeat = d.garpMasterRepeat != null ? d.garpMasterRepeat : global.masterRepeat();
        return new GarpSettings(masterDelay, masterRepeat,
                d.garpMasterRefresh != null ? d.garpMasterRefresh : global.masterRefresh(),
                d.garpMasterRefreshRepeat != null ? d.garpMasterRefreshRepeat : global.masterRefreshRepeat(),
                d.garpLowerPrioDelay != null ? d.garpLowerPrioDelay
                        : d.garpMasterDelay != null ? masterDelay : global.lowerPrioDelay(),
                d.garpLowerPrioRepeat != null ? d.garpLowerPrioRepeat
                        : d.garpMasterRepeat != null ? masterRepeat : global.lowerPrioRepeat(),
                d.garpExtraInterfaces != null ? d.garpExtraInterfaces : global.extraInterfaces());
    }

    private static Optional<Vmac> vmac(VrrpInstanceBinder.Draft d, String where, BindContext context) {
        if (!d.useVmac) {
            if (d.vmacXmitBase || d.useVmacAddr) {
                context.warning(d.location, where + ": vmac_xmit_base and use_vmac_addr apply with use_vmac only; they are ignored");
            }
            return Optional.empty();
        }
        MacAddress address = d.vmacAddress;
        if (address != null && d.vmacFiveOctets && d.virtualRouterId != null) {
            address = new MacAddress(address.value() | d.virtualRouterId);
        }
        return Optional.of(new Vmac(Optional.ofNullable(d.vmacName), Optional.ofNullable(address), d.vmacNetlinkNotify,
                Optional.ofNullable(d.vmacGroup), d.vmacXmitBase, d.useVmacAddr));
    }
}
