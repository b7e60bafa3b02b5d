package org.jkeepalived.dump.internal;

import java.net.InetAddress;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jkeepalived.config.api.model.GlobalDefs;
import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.vrrp.GarpSettings;
import org.jkeepalived.config.api.model.vrrp.UnicastPeer;
import org.jkeepalived.config.api.model.vrrp.VrrpAuthentication;
import org.jkeepalived.config.api.model.vrrp.VrrpGlobals;
import org.jkeepalived.config.api.model.vrrp.VrrpInstance;
import org.jkeepalived.config.api.model.vrrp.VrrpSyncGroup;
import org.jkeepalived.lvs.api.RealServerStatus;
import org.jkeepalived.lvs.api.VirtualServerStatus;
import org.jkeepalived.vrrp.api.TrackedStatus;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpState;

/**
 * keepalived's text dump (SIGUSR1): its section headings and {@code key = value} lines, so that what
 * operators grep for in {@code keepalived.data} is where they look for it, with the live state
 * (effective priority, tracked objects' states, real server health) beside the configuration.
 */
final class DataDumpFormat {

    private final ZoneId zone;

    /** @param zone the time zone of the times written */
    DataDumpFormat(ZoneId zone) {
        this.zone = zone;
    }

    /** @return every section: what {@code keepalived:dump} prints */
    String all(RuntimeDump dump) {
        StringBuilder text = new StringBuilder();
        globals(dump.config().globalDefs(), text);
        vrrp(dump, text);
        checker(dump, text);
        return text.toString();
    }

    /** @return the global definitions and the VRRP sections, as keepalived's VRRP process writes {@code keepalived.data} */
    String vrrpData(RuntimeDump dump) {
        StringBuilder text = new StringBuilder();
        globals(dump.config().globalDefs(), text);
        vrrp(dump, text);
        return text.toString();
    }

    /** @return the global definitions and the virtual servers, as keepalived's checker process writes {@code keepalived_check.data} */
    String checkData(RuntimeDump dump) {
        StringBuilder text = new StringBuilder();
        globals(dump.config().globalDefs(), text);
        checker(dump, text);
        return text.toString();
    }

    private static void globals(GlobalDefs globals, StringBuilder text) {
        VrrpGlobals vrrp = globals.vrrp();
        GarpSettings garp = vrrp.garp();
        heading("Global definitions", text);
        line(1, text, "Router ID = " + globals.routerId());
        line(1, text, "Default interface = " + vrrp.defaultInterface());
        line(1, text, "FIFO write vrrp states on reload = " + globals.fifoWriteVrrpStatesOnReload());
        line(1, text, "VRRP IPv4 mcast group = " + vrrp.mcastGroup4().getHostAddress());
        line(1, text, "VRRP IPv6 mcast group = " + vrrp.mcastGroup6().getHostAddress());
        garp(garp, 1, text);
        line(1, text, "Num adverts before down = " + vrrp.downTimerAdverts());
        line(1, text, "VRRP default protocol version = " + vrrp.version());
        line(1, text, "VRRP check unicast_src = " + vrrp.checkUnicastSrc());
        line(1, text, "VRRP skip check advert addresses = " + vrrp.skipCheckAdvAddr());
        line(1, text, "VRRP strict mode = " + vrrp.strict());
        line(1, text, "Script security " + (globals.scriptSecurity().enableScriptSecurity() ? "enabled" : "disabled"));
    }

    private void vrrp(RuntimeDump dump, StringBuilder text) {
        if (!dump.vrrpRunning()) {
            return;
        }
        heading("VRRP Topology", text);
        for (VrrpInstanceStatus instance : dump.instances()) {
            instance(dump, instance, text);
        }
        List<VrrpSyncGroup> groups = dump.config().syncGroups();
        if (!groups.isEmpty()) {
            heading("VRRP Sync groups", text);
            Map<String, VrrpState> states = dump.syncGroupStates();
            for (VrrpSyncGroup group : groups) {
                VrrpState state = states.getOrDefault(group.name(), VrrpState.INITIALIZE);
                line(1, text, "VRRP Sync Group = " + group.name() + ", " + state.keepalivedName());
                line(3, text, "VRRP member instances :");
                group.instances().forEach(member -> line(5, text, member));
            }
        }
    }

    private void instance(RuntimeDump dump, VrrpInstanceStatus instance, StringBuilder text) {
        line(1, text, "VRRP Instance = " + instance.name());
        line(3, text, "VRRP Version = " + instance.version());
        dump.syncGroupOf(instance).ifPresent(group -> line(3, text, "Sync group = " + group));
        line(3, text, "State = " + instance.state().keepalivedName());
        line(3, text, "Last transition = " + DumpTimes.transition(instance.lastTransition(), zone));
        instance.interfaceName().ifPresent(name -> line(3, text, "Interface = " + name));
        line(3, text, "Using src_ip = " + instance.sourceAddress());
        dump.configOf(instance).ifPresent(config -> settings(config, dump.config().globalDefs().vrrp(), text));
        line(3, text, "Virtual Router ID = " + instance.virtualRouterId());
        line(3, text, "Priority = " + instance.priority());
        line(3, text, "Effective priority = " + instance.effectivePriority());
        dump.configOf(instance).ifPresent(config -> election(config, text));
        line(3, text, "Virtual IP (" + instance.virtualAddresses().size() + "):");
        instance.virtualAddresses().forEach(address -> line(5, text, address));
        tracked(instance.tracked(), TrackedStatus.Kind.INTERFACE, "Tracked interfaces :", text);
        tracked(instance.tracked(), TrackedStatus.Kind.SCRIPT, "Tracked scripts :", text);
        tracked(instance.tracked(), TrackedStatus.Kind.FILE, "Tracked files :", text);
        tracked(instance.tracked(), TrackedStatus.Kind.PROCESS, "Tracked processes :", text);
    }

    /** What keepalived writes between the source address and the VRID. */
    private static void settings(VrrpInstance config, VrrpGlobals globals, StringBuilder text) {
        if (config.unicastPeers().isEmpty()) {
            InetAddress group = config.multicastGroup()
                    .orElse(config.family() == IpFamily.INET ? globals.mcastGroup4() : globals.mcastGroup6());
            line(3, text, "Multicast address " + group.getHostAddress());
        } else {
            line(3, text, "Unicast peers :");
            for (UnicastPeer peer : config.unicastPeers()) {
                line(5, text, peer.address().getHostAddress());
            }
        }
        garp(config.garp(), 3, text);
        line(3, text, "Down timer adverts = " + config.downTimerAdverts());
    }

    /** What keepalived writes between the priorities and the addresses. */
    private static void election(VrrpInstance config, StringBuilder text) {
        line(3, text, "Advert interval = " + DumpTimes.interval(config.advertInterval()));
        line(3, text, "Accept = " + enabled(config.accept()));
        line(3, text, "Preempt = " + enabled(config.preempt()));
        if (!config.preemptDelay().isZero()) {
            line(3, text, "Preempt delay = " + config.preemptDelay().toSeconds() + " secs");
        }
        line(3, text, "Promote_secondaries = " + enabled(config.promoteSecondaries()));
        line(3, text, "Authentication type = " + config.authentication().map(DataDumpFormat::authType).orElse("none"));
    }

    private static void garp(GarpSettings garp, int indent, StringBuilder text) {
        line(indent, text, "Gratuitous ARP delay = " + garp.masterDelay().toSeconds());
        line(indent, text, "Gratuitous ARP repeat = " + garp.masterRepeat());
        line(indent, text, "Gratuitous ARP refresh = " + garp.masterRefresh().toSeconds());
        line(indent, text, "Gratuitous ARP refresh repeat = " + garp.masterRefreshRepeat());
        line(indent, text, "Gratuitous ARP lower priority delay = " + garp.lowerPrioDelay().toSeconds());
        line(indent, text, "Gratuitous ARP lower priority repeat = " + garp.lowerPrioRepeat());
    }

    /** keepalived writes {@code veth1 weight -10}; the state follows. */
    private static void tracked(List<TrackedStatus> tracked, TrackedStatus.Kind kind, String title, StringBuilder text) {
        List<TrackedStatus> ofKind = tracked.stream().filter(object -> object.kind() == kind).toList();
        if (ofKind.isEmpty()) {
            return;
        }
        line(3, text, title);
        for (TrackedStatus object : ofKind) {
            StringBuilder entry = new StringBuilder(object.name()).append(" weight ").append(object.weight());
            if (object.reverse()) {
                entry.append(" reverse");
            }
            object.fileValue().ifPresent(value -> entry.append(" value ").append(value));
            entry.append(", ").append(trackedState(object));
            line(5, text, entry.toString());
        }
    }

    /** keepalived's words: an interface UP or DOWN, a script GOOD or BAD, a file OK or FAULT, processes UP or DOWN. */
    private static String trackedState(TrackedStatus object) {
        return switch (object.kind()) {
            case INTERFACE, PROCESS -> object.up() ? "UP" : "DOWN";
            case SCRIPT -> object.up() ? "GOOD" : "BAD";
            case FILE -> object.up() ? "OK" : "FAULT";
        };
    }

    private static void checker(RuntimeDump dump, StringBuilder text) {
        if (!dump.checkerRunning()) {
            return;
        }
        heading("LVS Topology", text);
        dump.virtualServersUnreadable().ifPresent(reason -> line(1, text, "Virtual servers unreadable: " + reason));
        for (VirtualServerStatus server : dump.virtualServers()) {
            line(1, text, "VS = " + server.name());
            line(3, text, "lb_algo = " + server.scheduler());
            line(3, text, "protocol = " + server.protocol().toUpperCase(Locale.ROOT));
            line(3, text, "default forwarding method = " + server.method());
            line(3, text, "quorum = " + server.quorum() + ", hysteresis = " + server.hysteresis());
            line(3, text, "Quorum state = " + (server.quorumUp() ? "UP" : "DOWN") + ", live weight = " + server.liveWeight());
            server.sorryServer().ifPresent(sorry -> line(3, text, "sorry server = " + sorry
                    + (server.sorryServerInUse() ? " (in use)" : "")));
            for (RealServerStatus real : server.realServers()) {
                realServer(real, text);
            }
        }
    }

    private static void realServer(RealServerStatus real, StringBuilder text) {
        int colon = real.endpoint().lastIndexOf(':');
        String address = real.endpoint().substring(0, colon).replace("[", "").replace("]", "");
        line(3, text, "------< Real server >------");
        line(3, text, "RIP = " + address + ", RPORT = " + real.endpoint().substring(colon + 1) + ", WEIGHT = "
                + real.configuredWeight());
        line(3, text, "Status = " + (real.up() ? "UP" : "DOWN"));
        line(3, text, "Data plane weight = " + (real.dataPlaneWeight().isPresent()
                ? Integer.toString(real.dataPlaneWeight().getAsInt()) : "not in the data plane"));
        real.checkers().forEach(checker -> line(3, text, "Checker = " + checker));
    }

    private static String authType(VrrpAuthentication authentication) {
        return switch (authentication.type()) {
            case PASS -> "SIMPLE_PASSWORD";
            case AH -> "IPSEC_AH";
        };
    }

    private static String enabled(boolean on) {
        return on ? "enabled" : "disabled";
    }

    private static void heading(String title, StringBuilder text) {
        text.append("------< ").append(title).append(" >------\n");
    }

    private static void line(int indent, StringBuilder text, String line) {
        text.append(" ".repeat(indent)).append(line).append('\n');
    }
}
