package org.jkeepalived.config.internal.bind;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.config.api.model.GlobalDefs;
import org.jkeepalived.config.api.model.Notification;
import org.jkeepalived.config.api.model.NotifyFifo;
import org.jkeepalived.config.api.model.Script;
import org.jkeepalived.config.api.model.ScriptSecurity;
import org.jkeepalived.config.api.model.lvs.LvsGlobals;
import org.jkeepalived.config.api.model.vrrp.GarpSettings;
import org.jkeepalived.config.api.model.vrrp.Nftables;
import org.jkeepalived.config.api.model.vrrp.Scheduling;
import org.jkeepalived.config.api.model.vrrp.VrrpGlobals;

/** global_defs. */
final class GlobalDefsBinder {

    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final String ONE_JVM = "jkeepalived runs every subsystem in one JVM";
    private static final String SCHEDULING = "the JVM's scheduling is set where it is started (bin/setenv)";
    private static final String REALTIME_LIMIT = "a real-time CPU limit would end the whole JVM, not a VRRP process; "
            + "the watchdog restarts a VRRP loop that stops answering";
    private static final String NO_SNMP = "jkeepalived has no SNMP agent";
    private static final String NO_DBUS = "jkeepalived has no D-Bus interface; the Karaf shell offers its commands";
    private static final String BUFFERS = "jkeepalived sizes its socket buffers itself";
    private static final String NO_DUMPS = "jkeepalived writes no state files; the Karaf shell shows its state";
    /** What nft(8) takes as a table name unquoted. */
    private static final Pattern NFTABLES_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final String NFTABLES = "no_accept uses nftables (see the nftables keyword)";

    /** What global_defs sets; unset values take keepalived's defaults in {@link #build}. */
    static final class Draft {
        String routerId;
        final List<String> emails = new ArrayList<>();
        String emailFrom;
        Notification.SmtpServer smtpServer;
        String smtpHeloName;
        Duration smtpConnectTimeout = Duration.ofSeconds(30);
        Boolean smtpAlert;
        Boolean smtpAlertVrrp;
        Boolean smtpAlertChecker;
        boolean noEmailFaults;
        boolean noCheckerEmails;
        String scriptUser;
        String scriptGroup;
        boolean enableScriptSecurity;
        boolean useSymlinkPaths;
        Script startupScript;
        Duration startupScriptTimeout = Duration.ofSeconds(10);
        Script shutdownScript;
        Duration shutdownScriptTimeout = Duration.ofSeconds(10);
        final FifoDraft notifyFifo = new FifoDraft();
        final FifoDraft vrrpNotifyFifo = new FifoDraft();
        final FifoDraft lvsNotifyFifo = new FifoDraft();
        boolean fifoWriteVrrpStatesOnReload;
        Inet4Address mcastGroup4 = (Inet4Address) IpLiterals.parse("224.0.0.18").orElseThrow();
        Inet6Address mcastGroup6 = (Inet6Address) IpLiterals.parse("ff02::12").orElseThrow();
        String defaultInterface = "eth0";
        int version = 2;
        Duration garpMasterDelay;
        Integer garpMasterRepeat;
        Duration garpMasterRefresh;
        Integer garpMasterRefreshRepeat;
        Duration garpLowerPrioDelay;
        Integer garpLowerPrioRepeat;
        GarpSettings.ExtraInterfaces garpExtraInterfaces;
        boolean minGarp;
        Duration garpInterval = Duration.ZERO;
        Duration gnaInterval = Duration.ZERO;
        Boolean lowerPrioNoAdvert;
        Boolean higherPrioSendAdvert;
        boolean checkUnicastSrc;
        boolean skipCheckAdvAddr;
        boolean strict;
        boolean v3ChecksumAsV2;
        int downTimerAdverts = 3;
        Duration startupDelay = Duration.ZERO;
        boolean notifyPriorityChanges;
        String vmacPrefix = "vrrp";
        String vmacAddrPrefix;
        VrrpGlobals.DynamicInterfaces dynamicInterfaces = VrrpGlobals.DynamicInterfaces.NO;
        boolean logUnknownVrids;
        boolean ownerIgnoreAdverts;
        boolean disableLocalIgmp;
        String nftablesTable = Nftables.DEFAULT.table();
        int nftablesPriority = Nftables.DEFAULT.priority();
        boolean nftablesCounters;
        int vrrpNiceness;
        int vrrpRealtimePriority;
        Duration lvsTcpTimeout;
        Duration lvsTcpFinTimeout;
        Duration lvsUdpTimeout;
        boolean lvsFlush;
        LvsGlobals.FlushOnStop lvsFlushOnStop = LvsGlobals.FlushOnStop.NO;
        boolean checkerLogAllFailures;
        boolean rsInitNotifies;

        ScriptSecurity scriptSecurity() {
            return new ScriptSecurity(Optional.ofNullable(scriptUser), Optional.ofNullable(scriptGroup),
                    enableScriptSecurity, useSymlinkPaths);
        }

        GlobalDefs build(String hostName) {
            GarpSettings garp = garp();
            Notification notification = new Notification(emails, emailFrom == null ? "keepalived@" + hostName : emailFrom,
                    Optional.ofNullable(smtpServer), smtpHeloName == null ? hostName : smtpHeloName, smtpConnectTimeout,
                    Optional.ofNullable(smtpAlert), Optional.ofNullable(smtpAlertVrrp), Optional.ofNullable(smtpAlertChecker),
                    noEmailFaults, noCheckerEmails);
            VrrpGlobals vrrp = new VrrpGlobals(mcastGroup4, mcastGroup6, defaultInterface, version, garp, garpInterval,
                    gnaInterval, lowerPrioNoAdvert != null && lowerPrioNoAdvert,
                    higherPrioSendAdvert != null && higherPrioSendAdvert, checkUnicastSrc, skipCheckAdvAddr, strict,
                    v3ChecksumAsV2, downTimerAdverts, startupDelay, notifyPriorityChanges, vmacPrefix,
                    vmacAddrPrefix == null ? vmacPrefix : vmacAddrPrefix, dynamicInterfaces, logUnknownVrids,
                    ownerIgnoreAdverts, disableLocalIgmp, new Nftables(nftablesTable, nftablesPriority, nftablesCounters),
                    new Scheduling(vrrpNiceness, vrrpRealtimePriority));
            LvsGlobals lvs = new LvsGlobals(Optional.ofNullable(lvsTcpTimeout), Optional.ofNullable(lvsTcpFinTimeout),
                    Optional.ofNullable(lvsUdpTimeout), lvsFlush, lvsFlushOnStop, checkerLogAllFailures, rsInitNotifies);
            return new GlobalDefs(routerId == null ? hostName : routerId, notification,
                    scriptSecurity(), Optional.ofNullable(startupScript), startupScriptTimeout, Optional.ofNullable(shutdownScript),
                    shutdownScriptTimeout, notifyFifo.build(), vrrpNotifyFifo.build(), lvsNotifyFifo.build(),
                    fifoWriteVrrpStatesOnReload, vrrp, lvs);
        }

        /** vrrp_min_garp sends one message at a time with no second burst; the lower priority settings follow the master ones. */
        private GarpSettings garp() {
            GarpSettings defaults = GarpSettings.DEFAULT;
            Duration masterDelay = garpMasterDelay != null ? garpMasterDelay : minGarp ? Duration.ZERO : defaults.masterDelay();
            int masterRepeat = garpMasterRepeat != null ? garpMasterRepeat : minGarp ? 1 : defaults.masterRepeat();
            return new GarpSettings(masterDelay, masterRepeat,
                    garpMasterRefresh != null ? garpMasterRefresh : defaults.masterRefresh(),
                    garpMasterRefreshRepeat != null ? garpMasterRefreshRepeat : defaults.masterRefreshRepeat(),
                    garpLowerPrioDelay != null ? garpLowerPrioDelay : masterDelay,
                    garpLowerPrioRepeat != null ? garpLowerPrioRepeat : masterRepeat,
                    Optional.ofNullable(garpExtraInterfaces));
        }
    }

    /** A notify FIFO and its script, set by two keywords. */
    static final class FifoDraft {
        String path;
        String user;
        String group;
        Script script;

        Optional<NotifyFifo> build() {
            return path == null ? Optional.empty()
                    : Optional.of(new NotifyFifo(path, Optional.ofNullable(user), Optional.ofNullable(group),
                            Optional.ofNullable(script)));
        }
    }

    static final Keywords<Draft> KEYWORDS = new Keywords<Draft>()
            .add("router_id", "router_id NAME", (d, a) -> a.single().ifPresent(v -> d.routerId = v))
            .block("notification_email", "notification_email", GlobalDefsBinder::emails)
            .add("notification_email_from", "notification_email_from ADDRESS", (d, a) -> a.single().ifPresent(v -> d.emailFrom = v))
            .add("smtp_server", "smtp_server ADDRESS|NAME [PORT]", GlobalDefsBinder::smtpServer)
            .add("smtp_helo_name", "smtp_helo_name NAME", (d, a) -> a.single().ifPresent(v -> d.smtpHeloName = v))
            .add("smtp_connect_timeout", "smtp_connect_timeout SECONDS",
                    (d, a) -> a.singleTimer(Duration.ofMillis(1), HOUR).ifPresent(v -> d.smtpConnectTimeout = v))
            .add("smtp_alert", "smtp_alert [BOOL]", (d, a) -> d.smtpAlert = a.flag())
            .add("smtp_alert_vrrp", "smtp_alert_vrrp [BOOL]", (d, a) -> d.smtpAlertVrrp = a.flag())
            .add("smtp_alert_checker", "smtp_alert_checker [BOOL]", (d, a) -> d.smtpAlertChecker = a.flag())
            .add("no_email_faults", "no_email_faults", (d, a) -> d.noEmailFaults = a.bare())
            .add("no_checker_emails", "no_checker_emails", (d, a) -> d.noCheckerEmails = a.bare())
            .add("checker_log_all_failures", "checker_log_all_failures [BOOL]", (d, a) -> d.checkerLogAllFailures = a.flag())
            .add("script_user", "script_user USER [GROUP]", GlobalDefsBinder::scriptUser)
            .add("enable_script_security", "enable_script_security", (d, a) -> d.enableScriptSecurity = a.bare())
            .add("use_symlink_paths", "use_symlink_paths [BOOL]", (d, a) -> d.useSymlinkPaths = a.flag())
            .add("startup_script", "startup_script SCRIPT [USER [GROUP]]", (d, a) -> a.script().ifPresent(s -> d.startupScript = s))
            .add("startup_script_timeout", "startup_script_timeout <1-1000>",
                    (d, a) -> a.singleInt(1, 1000).ifPresent(v -> d.startupScriptTimeout = Duration.ofSeconds(v)))
            .add("shutdown_script", "shutdown_script SCRIPT [USER [GROUP]]", (d, a) -> a.script().ifPresent(s -> d.shutdownScript = s))
            .add("shutdown_script_timeout", "shutdown_script_timeout <1-1000>",
                    (d, a) -> a.singleInt(1, 1000).ifPresent(v -> d.shutdownScriptTimeout = Duration.ofSeconds(v)))
            .add("notify_fifo", "notify_fifo PATH [USER [GROUP]]", (d, a) -> fifo(d.notifyFifo, a))
            .add("notify_fifo_script", "notify_fifo_script SCRIPT [USER [GROUP]]", (d, a) -> a.script().ifPresent(s -> d.notifyFifo.script = s))
            .add("vrrp_notify_fifo", "vrrp_notify_fifo PATH [USER [GROUP]]", (d, a) -> fifo(d.vrrpNotifyFifo, a))
            .add("vrrp_notify_fifo_script", "vrrp_notify_fifo_script SCRIPT [USER [GROUP]]",
                    (d, a) -> a.script().ifPresent(s -> d.vrrpNotifyFifo.script = s))
            .add("lvs_notify_fifo", "lvs_notify_fifo PATH [USER [GROUP]]", (d, a) -> fifo(d.lvsNotifyFifo, a))
            .add("lvs_notify_fifo_script", "lvs_notify_fifo_script SCRIPT [USER [GROUP]]",
                    (d, a) -> a.script().ifPresent(s -> d.lvsNotifyFifo.script = s))
            .add("fifo_write_vrrp_states_on_reload", "fifo_write_vrrp_states_on_reload",
                    (d, a) -> d.fifoWriteVrrpStatesOnReload = a.bare())
            .add("vrrp_mcast_group4", "vrrp_mcast_group4 IPV4_MULTICAST_ADDRESS", GlobalDefsBinder::mcastGroup4)
            .add("vrrp_mcast_group6", "vrrp_mcast_group6 IPV6_MULTICAST_ADDRESS", GlobalDefsBinder::mcastGroup6)
            .add("default_interface", "default_interface INTERFACE", (d, a) -> a.single().ifPresent(v -> d.defaultInterface = v))
            .add("vrrp_version", "vrrp_version <2-3>", (d, a) -> a.singleInt(2, 3).ifPresent(v -> d.version = v))
            .add("vrrp_garp_master_delay", "vrrp_garp_master_delay SECONDS",
                    (d, a) -> a.singleTimer(Duration.ZERO, HOUR).ifPresent(v -> d.garpMasterDelay = v))
            .add("vrrp_garp_master_repeat", "vrrp_garp_master_repeat COUNT",
                    (d, a) -> a.singleInt(1, 255).ifPresent(v -> d.garpMasterRepeat = v))
            .add("vrrp_garp_master_refresh", "vrrp_garp_master_refresh SECONDS",
                    (d, a) -> a.singleTimer(Duration.ZERO, DAY).ifPresent(v -> d.garpMasterRefresh = v))
            .add("vrrp_garp_master_refresh_repeat", "vrrp_garp_master_refresh_repeat COUNT",
                    (d, a) -> a.singleInt(1, 255).ifPresent(v -> d.garpMasterRefreshRepeat = v))
            .add("vrrp_garp_lower_prio_delay", "vrrp_garp_lower_prio_delay SECONDS",
                    (d, a) -> a.singleTimer(Duration.ZERO, HOUR).ifPresent(v -> d.garpLowerPrioDelay = v))
            .add("vrrp_garp_lower_prio_repeat", "vrrp_garp_lower_prio_repeat COUNT",
                    (d, a) -> a.singleInt(0, 255).ifPresent(v -> d.garpLowerPrioRepeat = v))
            .add("vrrp_garp_interval", "vrrp_garp_interval SECONDS",
                    (d, a) -> a.singleTimer(Duration.ZERO, Duration.ofSeconds(1)).ifPresent(v -> d.garpInterval = v))
            .add("vrrp_gna_interval", "vrrp_gna_interval SECONDS",
                    (d, a) -> a.singleTimer(Duration.ZERO, Duration.ofSeconds(1)).ifPresent(v -> d.gnaInterval = v))
            .add("vrrp_min_garp", "vrrp_min_garp [BOOL]", (d, a) -> d.minGarp = a.flag())
            .add("vrrp_garp_extra_if", "vrrp_garp_extra_if [all] SECONDS",
                    (d, a) -> garpExtraInterfaces(a).ifPresent(v -> d.garpExtraInterfaces = v))
            .deprecated("vrrp_vmac_garp_intvl", "vrrp_garp_extra_if")
            .add("vrrp_down_timer_adverts", "vrrp_down_timer_adverts <1-100>",
                    (d, a) -> a.singleInt(1, 100).ifPresent(v -> d.downTimerAdverts = v))
            .add("vrrp_lower_prio_no_advert", "vrrp_lower_prio_no_advert [BOOL]", (d, a) -> d.lowerPrioNoAdvert = a.flag())
            .add("vrrp_higher_prio_send_advert", "vrrp_higher_prio_send_advert [BOOL]",
                    (d, a) -> d.higherPrioSendAdvert = a.flag())
            .add("vrrp_check_unicast_src", "vrrp_check_unicast_src", (d, a) -> d.checkUnicastSrc = a.bare())
            .add("vrrp_skip_check_adv_addr", "vrrp_skip_check_adv_addr", (d, a) -> d.skipCheckAdvAddr = a.bare())
            .add("vrrp_strict", "vrrp_strict", (d, a) -> d.strict = a.bare())
            .add("v3_checksum_as_v2", "v3_checksum_as_v2 [BOOL]", (d, a) -> d.v3ChecksumAsV2 = a.flag())
            .add("vrrp_startup_delay", "vrrp_startup_delay SECONDS",
                    (d, a) -> a.singleTimer(Duration.ZERO, HOUR).ifPresent(v -> d.startupDelay = v))
            .add("vrrp_notify_priority_changes", "vrrp_notify_priority_changes [BOOL]",
                    (d, a) -> d.notifyPriorityChanges = a.flag())
            .add("vmac_prefix", "vmac_prefix PREFIX", (d, a) -> a.single().ifPresent(v -> d.vmacPrefix = v))
            .add("vmac_addr_prefix", "vmac_addr_prefix PREFIX", (d, a) -> a.single().ifPresent(v -> d.vmacAddrPrefix = v))
            .add("dynamic_interfaces", "dynamic_interfaces [allow_if_changes]", GlobalDefsBinder::dynamicInterfaces)
            .add("log_unknown_vrids", "log_unknown_vrids", (d, a) -> d.logUnknownVrids = a.bare())
            .add("vrrp_owner_ignore_adverts", "vrrp_owner_ignore_adverts", (d, a) -> d.ownerIgnoreAdverts = a.bare())
            .add("disable_local_igmp", "disable_local_igmp", (d, a) -> d.disableLocalIgmp = a.bare())
            .add("lvs_timeouts", "lvs_timeouts [tcp SECONDS] [tcpfin SECONDS] [udp SECONDS]", GlobalDefsBinder::lvsTimeouts)
            .add("lvs_flush", "lvs_flush", (d, a) -> d.lvsFlush = a.bare())
            .add("lvs_flush_on_stop", "lvs_flush_on_stop [VS]", GlobalDefsBinder::lvsFlushOnStop)
            .deprecated("lvs_flush_onstop", "lvs_flush_on_stop")
            .add("rs_init_notifies", "rs_init_notifies", (d, a) -> d.rsInitNotifies = a.bare())
            .unsupported("lvs_sync_daemon", "the IPVS connection sync daemon is not managed")
            .unsupported("reload_time_file", "reload with SIGHUP or keepalived:reload at the time wanted")
            .unsupported("reload_repeat", "reload with SIGHUP or keepalived:reload at the time wanted")
            .unsupported("reload_file", "jkeepalived does not create the file that update tools wait on")
            .add("nftables", "nftables [TABLENAME]", (d, a) -> {
                a.atMost(1);
                if (a.has(0)) {
                    if (NFTABLES_NAME.matcher(a.word(0)).matches()) {
                        d.nftablesTable = a.word(0);
                    } else {
                        a.invalid(0, "a table name: a letter, then letters, digits, '_' or '-'");
                    }
                }
            })
            .add("nftables_priority", "nftables_priority PRIORITY",
                    (d, a) -> a.singleInt(Integer.MIN_VALUE, Integer.MAX_VALUE).ifPresent(v -> d.nftablesPriority = v))
            .add("nftables_counters", "nftables_counters", (d, a) -> d.nftablesCounters = a.bare())
            .add("vrrp_priority", "vrrp_priority NICENESS", (d, a) -> a.singleInt(-20, 19).ifPresent(v -> d.vrrpNiceness = v))
            .add("vrrp_rt_priority", "vrrp_rt_priority PRIORITY",
                    (d, a) -> a.singleInt(1, 99).ifPresent(v -> d.vrrpRealtimePriority = v))
            .ignored("nftables_ifindex", "link-local virtual addresses are matched with their interface's name")
            .ignored("vrrp_iptables", NFTABLES)
            .ignored("vrrp_ipsets", NFTABLES)
            .ignored("nftables_ipvs", "virtual server groups are set up one IPVS service per address")
            .ignored("nftables_ipvs_priority", "virtual server groups are set up one IPVS service per address")
            .ignored("nftables_ipvs_start_fwmark", "virtual server groups are set up one IPVS service per address")
            .ignored("reload_check_config", "a configuration is always checked before it is applied")
            .ignored("include_check", "an included file that does not exist is always reported")
            .ignored("config_save_dir", "jkeepalived keeps no copies of configurations")
            .ignored("tmp_config_directory", "jkeepalived keeps no copies of configurations")
            .ignored("random_seed", "${_RANDOM} takes a new seed at each read")
            .ignored("umask", "files are created with the umask jkeepalived was started with")
            .ignored("iproute_usr_dir", "route table and protocol names are looked up in /etc/iproute2 and /usr/share/iproute2")
            .ignored("iproute_etc_dir", "route table and protocol names are looked up in /etc/iproute2 and /usr/share/iproute2")
            .ignored("use_pid_dir", "pid files are where -p, -r and -c say");
    static {
        for (String name : List.of("process_names", "process_name", "vrrp_process_name", "checker_process_name",
                "lvs_process_name", "bfd_process_name")) {
            KEYWORDS.ignored(name, ONE_JVM);
        }
        for (String process : List.of("checker", "bfd")) {
            for (String setting : List.of("_priority", "_no_swap", "_rt_priority", "_cpu_affinity", "_rlimit_rttime",
                    "_rlimit_rtime")) {
                KEYWORDS.ignored(process + setting, SCHEDULING);
            }
        }
        for (String setting : List.of("vrrp_no_swap", "vrrp_cpu_affinity")) {
            KEYWORDS.ignored(setting, SCHEDULING);
        }
        for (String setting : List.of("vrrp_rlimit_rttime", "vrrp_rlimit_rtime")) {
            KEYWORDS.ignored(setting, REALTIME_LIMIT);
        }
        KEYWORDS.ignored("max_auto_priority", SCHEDULING).ignored("min_auto_priority_delay", SCHEDULING);
        for (String name : List.of("snmp_socket", "enable_traps", "enable_snmp_vrrp", "enable_snmp_keepalived",
                "enable_snmp_rfc", "enable_snmp_rfcv2", "enable_snmp_rfcv3", "enable_snmp_checker",
                "snmp_vs_stats_update_interval", "snmp_rs_stats_update_interval")) {
            KEYWORDS.ignored(name, NO_SNMP);
        }
        for (String name : List.of("enable_dbus", "dbus_service_name", "dbus_no_interface_name")) {
            KEYWORDS.ignored(name, NO_DBUS);
        }
        for (String prefix : List.of("vrrp_netlink_cmd", "vrrp_netlink_monitor", "lvs_netlink_cmd", "lvs_netlink_monitor",
                "process_monitor")) {
            KEYWORDS.ignored(prefix + "_rcv_bufs", BUFFERS).ignored(prefix + "_rcv_bufs_force", BUFFERS);
        }
        KEYWORDS.ignored("vrrp_rx_bufs_policy", BUFFERS).ignored("vrrp_rx_bufs_multiplier", BUFFERS);
        for (String name : List.of("data_use_instance", "state_file_location", "stats_file_location", "json_file_location",
                "json_version", "state_dump_file", "stats_dump_file", "json_dump_file")) {
            KEYWORDS.ignored(name, NO_DUMPS);
        }
    }

    private GlobalDefsBinder() {
    }

    static void bind(ConfigBlock block, Draft draft, BindContext context) {
        KEYWORDS.bind(block, draft, "global_defs", context);
    }

    private static void emails(Draft draft, Args args) {
        args.atMost(0);
        for (ConfigEntry entry : args.block().orElseThrow().entries()) {
            draft.emails.add(entry.keyword());
            draft.emails.addAll(entry.arguments());
        }
    }

    private static void smtpServer(Draft draft, Args args) {
        if (!args.require(1)) {
            return;
        }
        args.atMost(2);
        int port = 25;
        if (args.has(1)) {
            Optional<Integer> given = args.port(1);
            if (given.isEmpty()) {
                return;
            }
            port = given.get();
        }
        draft.smtpServer = new Notification.SmtpServer(args.word(0), port);
    }

    private static void scriptUser(Draft draft, Args args) {
        if (args.require(1)) {
            args.atMost(2);
            draft.scriptUser = args.word(0);
            draft.scriptGroup = args.has(1) ? args.word(1) : null;
        }
    }

    private static void fifo(FifoDraft fifo, Args args) {
        if (args.require(1)) {
            args.atMost(3);
            fifo.path = args.word(0);
            fifo.user = args.has(1) ? args.word(1) : null;
            fifo.group = args.has(2) ? args.word(2) : null;
        }
    }

    private static void mcastGroup4(Draft draft, Args args) {
        if (args.exactly(1)) {
            args.address(0).ifPresent(address -> {
                if (address instanceof Inet4Address ipv4 && address.isMulticastAddress()) {
                    draft.mcastGroup4 = ipv4;
                } else {
                    args.invalid(0, "an IPv4 multicast address");
                }
            });
        }
    }

    private static void mcastGroup6(Draft draft, Args args) {
        if (args.exactly(1)) {
            args.address(0).ifPresent(address -> {
                if (address instanceof Inet6Address ipv6 && address.isMulticastAddress()) {
                    draft.mcastGroup6 = ipv6;
                } else {
                    args.invalid(0, "an IPv6 multicast address");
                }
            });
        }
    }

    /** {@code [all] SECONDS}, shared with vrrp_instance's garp_extra_if; 0 turns it off. */
    static Optional<GarpSettings.ExtraInterfaces> garpExtraInterfaces(Args args) {
        boolean all = args.has(0) && args.word(0).equals("all");
        int index = all ? 1 : 0;
        if (!args.require(index + 1)) {
            return Optional.empty();
        }
        args.atMost(index + 1);
        return args.integer(index, 0, 86400)
                .filter(seconds -> seconds > 0)
                .map(seconds -> new GarpSettings.ExtraInterfaces(Duration.ofSeconds(seconds), all));
    }

    private static void dynamicInterfaces(Draft draft, Args args) {
        args.atMost(1);
        if (!args.has(0)) {
            draft.dynamicInterfaces = VrrpGlobals.DynamicInterfaces.YES;
        } else {
            args.choice(0, Map.of("allow_if_changes", VrrpGlobals.DynamicInterfaces.ALLOW_IF_CHANGES))
                    .ifPresent(v -> draft.dynamicInterfaces = v);
        }
    }

    private static void lvsTimeouts(Draft draft, Args args) {
        if (!args.require(2)) {
            return;
        }
        for (int i = 0; i + 1 < args.size(); i += 2) {
            Optional<String> kind = args.choice(i, Map.of("tcp", "tcp", "tcpfin", "tcpfin", "udp", "udp"));
            Optional<Duration> timeout = args.integer(i + 1, 0, 86400 * 365L).map(Duration::ofSeconds);
            if (kind.isPresent() && timeout.isPresent()) {
                switch (kind.get()) {
                    case "tcp" -> draft.lvsTcpTimeout = timeout.get();
                    case "tcpfin" -> draft.lvsTcpFinTimeout = timeout.get();
                    default -> draft.lvsUdpTimeout = timeout.get();
                }
            }
        }
        if (args.size() % 2 != 0) {
            args.error(args.size() - 1, "'" + args.word(args.size() - 1) + "' needs a number of seconds");
        }
    }

    private static void lvsFlushOnStop(Draft draft, Args args) {
        args.atMost(1);
        if (!args.has(0)) {
            draft.lvsFlushOnStop = LvsGlobals.FlushOnStop.ALL;
        } else {
            args.choice(0, Map.of("VS", LvsGlobals.FlushOnStop.VIRTUAL_SERVERS)).ifPresent(v -> draft.lvsFlushOnStop = v);
        }
    }
}
