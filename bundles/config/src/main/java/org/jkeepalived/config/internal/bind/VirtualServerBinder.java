package org.jkeepalived.config.internal.bind;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.model.GlobalDefs;
import org.jkeepalived.config.api.model.Script;
import org.jkeepalived.config.api.model.lvs.LvsMethod;
import org.jkeepalived.config.api.model.lvs.Protocol;
import org.jkeepalived.config.api.model.lvs.RealServer;
import org.jkeepalived.config.api.model.lvs.Scheduler;
import org.jkeepalived.config.api.model.lvs.SchedulerFlag;
import org.jkeepalived.config.api.model.lvs.SorryServer;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.config.api.model.lvs.VirtualServerAddress;
import org.jkeepalived.config.api.model.lvs.VirtualServerGroup;
import org.jkeepalived.config.api.model.net.IpAddresses;
import org.jkeepalived.config.api.model.net.IpFamily;

/** virtual_server IP [PORT] | fwmark MARK | group NAME { ... }. */
final class VirtualServerBinder {

    /** IPVS's persistence timeout when persistence_timeout has no value (IP_VS_SVC_PERSISTENT_TIMEOUT). */
    static final Duration DEFAULT_PERSISTENCE = Duration.ofSeconds(360);

    static final class Draft {
        final VirtualServerAddress address;
        final ConfigLocation location;
        final String name;
        Protocol protocol;
        ConfigLocation protocolLocation;
        Scheduler scheduler = Scheduler.WLC;
        final Set<SchedulerFlag> flags = EnumSet.noneOf(SchedulerFlag.class);
        boolean ops;
        LvsMethod method = LvsMethod.NAT;
        Duration persistenceTimeout;
        Integer persistenceGranularity;
        String persistenceEngine;
        boolean haSuspend;
        Boolean smtpAlert;
        String virtualhost;
        boolean alpha;
        boolean omega;
        int quorum = 1;
        int hysteresis;
        Script quorumUp;
        Script quorumDown;
        IpFamily ipFamily;
        InetAddress sorryAddress;
        Integer sorryPort;
        boolean sorryInhibit;
        LvsMethod sorryMethod;
        boolean inhibitOnFailure;
        Integer weight;
        final Timers timers = new Timers();
        final List<RealServerBinder.Draft> realServers = new ArrayList<>();

        Draft(VirtualServerAddress address, ConfigLocation location) {
            this.address = address;
            this.location = location;
            this.name = "virtual_server " + address;
        }
    }

    static final Keywords<Draft> KEYWORDS = new Keywords<Draft>()
            .add("lvs_sched", "lvs_sched rr|wrr|lc|wlc|lblc|sh|mh|dh|fo|ovf|lblcr|sed|nq|twos", VirtualServerBinder::scheduler)
            .deprecated("lb_algo", "lvs_sched")
            .add("flag-1", "flag-1", (d, a) -> flag(d, a, SchedulerFlag.FLAG_1))
            .add("flag-2", "flag-2", (d, a) -> flag(d, a, SchedulerFlag.FLAG_2))
            .add("flag-3", "flag-3", (d, a) -> flag(d, a, SchedulerFlag.FLAG_3))
            .add("sh-fallback", "sh-fallback", (d, a) -> flag(d, a, SchedulerFlag.FLAG_1))
            .add("sh-port", "sh-port", (d, a) -> flag(d, a, SchedulerFlag.FLAG_2))
            .add("mh-fallback", "mh-fallback", (d, a) -> flag(d, a, SchedulerFlag.FLAG_1))
            .add("mh-port", "mh-port", (d, a) -> flag(d, a, SchedulerFlag.FLAG_2))
            .add("ops", "ops", (d, a) -> d.ops = a.bare())
            .ignored("hashed", "IPVS hashes every service")
            .add("lvs_method", "lvs_method " + LvsMethodParser.USAGE, (d, a) -> LvsMethodParser.parse(a).ifPresent(v -> d.method = v))
            .deprecated("lb_kind", "lvs_method")
            .add("persistence_engine", "persistence_engine sip", (d, a) -> a.single().ifPresent(v -> d.persistenceEngine = v))
            .add("persistence_timeout", "persistence_timeout [SECONDS]", VirtualServerBinder::persistenceTimeout)
            .add("persistence_granularity", "persistence_granularity NETMASK|PREFIX_LENGTH",
                    VirtualServerBinder::persistenceGranularity)
            .add("protocol", "protocol TCP|UDP|SCTP", (d, a) -> {
                if (a.exactly(1)) {
                    a.choice(0, Map.of("TCP", Protocol.TCP, "UDP", Protocol.UDP, "SCTP", Protocol.SCTP))
                            .ifPresent(v -> d.protocol = v);
                    d.protocolLocation = a.location();
                }
            })
            .add("ha_suspend", "ha_suspend", (d, a) -> d.haSuspend = a.bare())
            .add("smtp_alert", "smtp_alert [BOOL]", (d, a) -> d.smtpAlert = a.flag())
            .add("virtualhost", "virtualhost NAME", (d, a) -> a.single().ifPresent(v -> d.virtualhost = v))
            .add("alpha", "alpha", (d, a) -> d.alpha = a.flag())
            .add("omega", "omega", (d, a) -> d.omega = a.flag())
            .add("quorum", "quorum WEIGHT", (d, a) -> a.singleInt(1, Integer.MAX_VALUE).ifPresent(v -> d.quorum = v))
            .add("hysteresis", "hysteresis WEIGHT", (d, a) -> a.singleInt(0, Integer.MAX_VALUE).ifPresent(v -> d.hysteresis = v))
            .add("quorum_up", "quorum_up SCRIPT [USER [GROUP]]", (d, a) -> a.script().ifPresent(s -> d.quorumUp = s))
            .add("quorum_down", "quorum_down SCRIPT [USER [GROUP]]", (d, a) -> a.script().ifPresent(s -> d.quorumDown = s))
            .add("ip_family", "ip_family inet|inet6", (d, a) -> {
                if (a.exactly(1)) {
                    a.choice(0, Map.of("inet", IpFamily.INET, "inet6", IpFamily.INET6)).ifPresent(v -> d.ipFamily = v);
                }
            })
            .add("sorry_server", "sorry_server IP [PORT]", VirtualServerBinder::sorryServer)
            .add("sorry_server_inhibit", "sorry_server_inhibit", (d, a) -> d.sorryInhibit = a.flag())
            .add("sorry_server_lvs_method", "sorry_server_lvs_method " + LvsMethodParser.USAGE,
                    (d, a) -> LvsMethodParser.parse(a).ifPresent(v -> d.sorryMethod = v))
            .add("inhibit_on_failure", "inhibit_on_failure [BOOL]", (d, a) -> d.inhibitOnFailure = a.flag())
            .add("weight", "weight WEIGHT", (d, a) -> a.singleInt(0, Integer.MAX_VALUE).ifPresent(v -> d.weight = v))
            .block("real_server", "real_server IP [PORT]",
                    (d, a) -> RealServerBinder.bind(a, d.name).ifPresent(d.realServers::add))
            .ignored("snmp_name", "jkeepalived has no SNMP agent");
    static {
        Timers.addTo(KEYWORDS, draft -> draft.timers);
    }

    private VirtualServerBinder() {
    }

    /** Reads the header {@code IP [PORT] | fwmark MARK | group NAME} and the block. */
    static Optional<Draft> bind(ConfigEntry entry, BindContext context) {
        Args args = Args.of(entry, "virtual_server IP [PORT] | fwmark MARK | group NAME", context);
        if (!args.require(1)) {
            return Optional.empty();
        }
        Optional<VirtualServerAddress> address = address(args);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        Draft draft = new Draft(address.get(), entry.location());
        KEYWORDS.bind(entry.block().orElseThrow(), draft, draft.name, context);
        return Optional.of(draft);
    }

    private static Optional<VirtualServerAddress> address(Args args) {
        String first = args.word(0);
        if (first.equals("fwmark") || first.equals("group")) {
            if (!args.exactly(2)) {
                return Optional.empty();
            }
            return first.equals("group") ? Optional.of(new VirtualServerAddress.Group(args.word(1)))
                    : args.number(1, 1, 0xFFFF_FFFFL).map(VirtualServerAddress.Fwmark::new);
        }
        args.atMost(2);
        Optional<InetAddress> address = args.address(0);
        Optional<Integer> port = args.has(1) ? args.integer(1, 0, 65535).map(Long::intValue) : Optional.of(0);
        if (address.isEmpty() || port.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VirtualServerAddress.Ip(address.get(), port.get()));
    }

    private static void scheduler(Draft draft, Args args) {
        args.single().ifPresent(name -> {
            Optional<Scheduler> scheduler = Scheduler.byName(name);
            if (scheduler.isPresent()) {
                draft.scheduler = scheduler.get();
            } else {
                args.invalid(0, "rr, wrr, lc, wlc, lblc, sh, mh, dh, fo, ovf, lblcr, sed, nq or twos");
            }
        });
    }

    private static void flag(Draft draft, Args args, SchedulerFlag flag) {
        args.bare();
        draft.flags.add(flag);
    }

    private static void persistenceTimeout(Draft draft, Args args) {
        args.atMost(1);
        if (!args.has(0)) {
            draft.persistenceTimeout = DEFAULT_PERSISTENCE;
        } else {
            args.integer(0, 1, 0xFFFF_FFFFL).ifPresent(v -> draft.persistenceTimeout = Duration.ofSeconds(v));
        }
    }

    /** An IPv4 netmask such as 255.255.255.0, or a prefix length. */
    private static void persistenceGranularity(Draft draft, Args args) {
        args.single().ifPresent(text -> {
            Integer length = null;
            Optional<InetAddress> mask = IpLiterals.parse(text);
            if (mask.isPresent() && mask.get() instanceof Inet4Address) {
                int bits = IpLiterals.toNumber(mask.get()).intValue();
                int ones = Integer.bitCount(bits);
                length = bits == (ones == 0 ? 0 : -1 << (32 - ones)) ? ones : null;
            } else {
                Long parsed = Args.parseLong(text, 10);
                length = parsed != null && parsed >= 1 && parsed <= 128 ? parsed.intValue() : null;
            }
            if (length == null) {
                args.invalid(0, "a contiguous IPv4 netmask such as 255.255.255.0, or a prefix length from 1 to 128");
            } else {
                draft.persistenceGranularity = length;
            }
        });
    }

    private static void sorryServer(Draft draft, Args args) {
        if (!args.require(1)) {
            return;
        }
        args.atMost(2);
        Optional<InetAddress> address = args.address(0);
        Optional<Integer> port = args.has(1) ? args.integer(1, 0, 65535).map(Long::intValue) : Optional.of(0);
        if (address.isPresent() && port.isPresent()) {
            draft.sorryAddress = address.get();
            draft.sorryPort = port.get();
        }
    }

    /**
     * Applies keepalived's rules for a whole virtual server: the protocol of address services, the
     * port of real servers, quorum against their weights. A virtual server without real servers is
     * dropped, as keepalived drops it.
     */
    static Optional<VirtualServer> build(Draft d, GlobalDefs globals, Map<String, VirtualServerGroup> groups,
            BindContext context) {
        VirtualServerGroup group = null;
        if (d.address instanceof VirtualServerAddress.Group named) {
            group = groups.get(named.name());
            if (group == null) {
                context.error(d.location, d.name + ": no virtual_server_group named '" + named.name() + "'");
                return Optional.empty();
            }
        }
        boolean servesAddresses = group == null ? d.address instanceof VirtualServerAddress.Ip
                : group.entries().stream().anyMatch(e -> e instanceof VirtualServerGroup.AddressRange);
        boolean servesFwmarks = group == null ? d.address instanceof VirtualServerAddress.Fwmark
                : group.entries().stream().anyMatch(e -> e instanceof VirtualServerGroup.Fwmark);
        if (d.realServers.isEmpty()) {
            context.warning(d.location, d.name + " has no real_server; it is ignored, as keepalived ignores it");
            return Optional.empty();
        }
        Optional<Protocol> protocol = protocol(d, servesAddresses, context);
        Duration persistence = d.persistenceTimeout;
        if (persistence == null && d.address instanceof VirtualServerAddress.Ip ip && ip.port() == 0) {
            context.warning(d.location, d.name + ": port 0 is for persistent services only; persistence_timeout "
                    + DEFAULT_PERSISTENCE.toSeconds() + " is set");
            persistence = DEFAULT_PERSISTENCE;
        }
        boolean haSuspend = d.haSuspend;
        if (haSuspend && servesFwmarks) {
            context.warning(d.location, d.name + ": ha_suspend does not apply to firewall marks; it is cleared");
            haSuspend = false;
        }
        boolean ops = d.ops;
        if (ops && protocol.isPresent() && protocol.get() != Protocol.UDP) {
            context.warning(d.location, d.name + ": ops (one-packet scheduling) is for UDP only; it is cleared");
            ops = false;
        }
        boolean checkerAlert = globals.notification().smtpAlertChecker().or(() -> globals.notification().smtpAlert())
                .orElse(true);
        List<RealServer> realServers = new ArrayList<>();
        int weightSum = 0;
        for (RealServerBinder.Draft rs : d.realServers) {
            RealServer server = realServer(d, rs, checkerAlert, globals, context);
            if (realServers.stream().anyMatch(other -> other.address().equals(server.address()) && other.port() == server.port())) {
                context.warning(rs.location, d.name + ": real server " + server + " is listed twice; the second is ignored");
                continue;
            }
            realServers.add(server);
            weightSum += server.weight();
        }
        int quorum = d.quorum;
        if (quorum > weightSum) {
            context.warning(d.location, d.name + ": quorum " + quorum + " exceeds the total weight " + weightSum
                    + " of the real servers; quorum " + weightSum + " is used");
            quorum = weightSum;
        }
        int hysteresis = d.hysteresis;
        if (hysteresis >= quorum && hysteresis > 0) {
            context.warning(d.location, d.name + ": hysteresis " + hysteresis + " is not below quorum " + quorum
                    + "; hysteresis " + Math.max(0, quorum - 1) + " is used");
            hysteresis = Math.max(0, quorum - 1);
        }
        Optional<SorryServer> sorry = Optional.ofNullable(d.sorryAddress).map(address -> new SorryServer(address,
                d.sorryPort != 0 ? d.sorryPort : port(d.address), d.sorryMethod != null ? d.sorryMethod : d.method,
                d.sorryInhibit));
        return Optional.of(new VirtualServer(d.address, protocol, d.scheduler, d.flags, ops, d.method,
                Optional.ofNullable(persistence), Optional.ofNullable(d.persistenceGranularity),
                Optional.ofNullable(d.persistenceEngine), haSuspend,
                d.smtpAlert != null ? d.smtpAlert
                        : globals.notification().smtpAlertChecker().or(() -> globals.notification().smtpAlert()).orElse(false),
                Optional.ofNullable(d.virtualhost), d.alpha, d.omega, quorum, hysteresis,
                Optional.ofNullable(d.quorumUp), Optional.ofNullable(d.quorumDown), Optional.ofNullable(d.ipFamily), sorry,
                d.inhibitOnFailure, realServers));
    }

    /** Address services need a protocol, UDP when none is given as the kernel takes 0; firewall marks ignore it. */
    private static Optional<Protocol> protocol(Draft d, boolean servesAddresses, BindContext context) {
        if (!servesAddresses) {
            if (d.protocol != null) {
                context.warning(d.protocolLocation, d.name + ": a firewall mark service takes any protocol; protocol is ignored");
            }
            return Optional.empty();
        }
        if (d.protocol == null) {
            context.warning(d.location, d.name + ": no protocol given; UDP is used, as the kernel uses it");
            return Optional.of(Protocol.UDP);
        }
        return Optional.of(d.protocol);
    }

    /**
     * A real server's port: the virtual server's when omitted under NAT; 0 under DR and TUN with a
     * firewall mark, whose packets keep their port; the virtual server's under DR and TUN otherwise,
     * which cannot change the port.
     */
    private static RealServer realServer(Draft vs, RealServerBinder.Draft rs, boolean smtpAlertDefault, GlobalDefs globals,
            BindContext context) {
        LvsMethod method = rs.method != null ? rs.method : vs.method;
        int virtualPort = port(vs.address);
        int port = rs.port != null ? rs.port : 0;
        if (method.kind() == LvsMethod.Kind.NAT) {
            port = port == 0 ? virtualPort : port;
        } else if (vs.address instanceof VirtualServerAddress.Fwmark) {
            if (port != 0) {
                context.warning(rs.location, vs.name + ": real server " + IpAddresses.format(rs.address)
                        + " has a port, which DR and TUN of a firewall mark service cannot use; it is cleared");
            }
            port = 0;
        } else if (vs.address instanceof VirtualServerAddress.Ip) {
            if (port != 0 && port != virtualPort) {
                context.warning(rs.location, vs.name + ": real server port " + port + " differs from the virtual "
                        + "server's, which DR and TUN cannot change; port " + virtualPort + " is used");
            }
            port = virtualPort;
        }
        boolean alpha = rs.alpha != null ? rs.alpha : vs.alpha;
        return new RealServer(rs.address, port, rs.weight != null ? rs.weight : vs.weight != null ? vs.weight : 1, method,
                Optional.ofNullable(rs.notifyUp), Optional.ofNullable(rs.notifyDown), rs.upperThreshold, rs.lowerThreshold,
                rs.smtpAlert != null ? rs.smtpAlert : smtpAlertDefault,
                Optional.ofNullable(rs.virtualhost != null ? rs.virtualhost : vs.virtualhost), alpha,
                rs.inhibitOnFailure != null ? rs.inhibitOnFailure : vs.inhibitOnFailure,
                rs.checkers(vs.timers, alpha, globals.lvs().checkerLogAllFailures(), context));
    }

    private static int port(VirtualServerAddress address) {
        return address instanceof VirtualServerAddress.Ip ip ? ip.port() : 0;
    }
}
