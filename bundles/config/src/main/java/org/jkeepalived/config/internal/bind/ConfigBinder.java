package org.jkeepalived.config.internal.bind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.ConfigTree;
import org.jkeepalived.config.api.model.GlobalDefs;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.ScriptSecurity;
import org.jkeepalived.config.api.model.lvs.SslSettings;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.config.api.model.lvs.VirtualServerGroup;
import org.jkeepalived.config.api.model.net.IpAddressEntry;
import org.jkeepalived.config.api.model.net.IpRoute;
import org.jkeepalived.config.api.model.net.IpRule;
import org.jkeepalived.config.api.model.vrrp.TrackFile;
import org.jkeepalived.config.api.model.vrrp.TrackProcess;
import org.jkeepalived.config.api.model.vrrp.VrrpInstance;
import org.jkeepalived.config.api.model.vrrp.VrrpScript;
import org.jkeepalived.config.api.model.vrrp.VrrpSyncGroup;
import org.jkeepalived.config.internal.DiagnosticCollector;
import org.jkeepalived.config.internal.script.Accounts;
import org.jkeepalived.config.internal.script.ScriptSafety;

/**
 * Binds a tree to a {@link KeepalivedConfig}: first every section into its draft, since sections
 * refer to each other in any order; then global_defs, whose defaults the others take; then the
 * sections, resolving their references; last the checks across sections.
 */
public final class ConfigBinder {

    private static final String NO_BFD = "BFD is not implemented";

    /** Every top-level section, as drafts, in file order. */
    static final class Draft {
        final GlobalDefsBinder.Draft globals = new GlobalDefsBinder.Draft();
        final List<IpAddressEntry> staticAddresses = new ArrayList<>();
        final List<IpRoute> staticRoutes = new ArrayList<>();
        final List<IpRule> staticRules = new ArrayList<>();
        final Map<String, VrrpScriptBinder.Draft> scripts = new LinkedHashMap<>();
        final Map<String, TrackFileBinder.Draft> trackFiles = new LinkedHashMap<>();
        final Map<String, TrackProcessBinder.Draft> trackProcesses = new LinkedHashMap<>();
        final List<GarpGroupBinder.Draft> garpGroups = new ArrayList<>();
        final Map<String, SyncGroupBinder.Draft> syncGroups = new LinkedHashMap<>();
        final Map<String, VrrpInstanceBinder.Draft> instances = new LinkedHashMap<>();
        final Map<String, VirtualServerGroup> groups = new LinkedHashMap<>();
        final List<VirtualServerBinder.Draft> virtualServers = new ArrayList<>();
        SslSettings ssl;
    }

    static final Keywords<Draft> KEYWORDS = new Keywords<Draft>()
            .block("global_defs", "global_defs", (d, a) -> {
                a.atMost(0);
                GlobalDefsBinder.bind(a.block().orElseThrow(), d.globals, a.context());
            })
            .block("static_ipaddress", "static_ipaddress", (d, a) -> {
                a.atMost(0);
                a.block().orElseThrow().entries().forEach(e ->
                        AddressParser.parse(e, "static_ipaddress", true, a.context()).ifPresent(d.staticAddresses::add));
            })
            .block("static_routes", "static_routes", (d, a) -> {
                a.atMost(0);
                a.block().orElseThrow().entries().forEach(e ->
                        RouteParser.parse(e, "static_routes", true, a.context()).ifPresent(d.staticRoutes::add));
            })
            .block("static_rules", "static_rules", (d, a) -> {
                a.atMost(0);
                a.block().orElseThrow().entries().forEach(e ->
                        RuleParser.parse(e, "static_rules", a.context()).ifPresent(d.staticRules::add));
            })
            .block("vrrp_script", "vrrp_script NAME", (d, a) -> named(a, d.scripts, VrrpScriptBinder.Draft::new,
                    VrrpScriptBinder.KEYWORDS))
            .block("track_file", "track_file NAME", (d, a) -> named(a, d.trackFiles, TrackFileBinder.Draft::new,
                    TrackFileBinder.KEYWORDS))
            .deprecated("vrrp_track_file", "track_file")
            .block("vrrp_track_process", "vrrp_track_process NAME", (d, a) -> named(a, d.trackProcesses,
                    TrackProcessBinder.Draft::new, TrackProcessBinder.KEYWORDS))
            .block("garp_group", "garp_group", (d, a) -> {
                a.atMost(0);
                GarpGroupBinder.Draft group = new GarpGroupBinder.Draft(a.location());
                d.garpGroups.add(group);
                GarpGroupBinder.KEYWORDS.bind(a.block().orElseThrow(), group, "garp_group", a.context());
            })
            .block("vrrp_sync_group", "vrrp_sync_group NAME", (d, a) -> named(a, d.syncGroups, SyncGroupBinder.Draft::new,
                    SyncGroupBinder.KEYWORDS))
            .block("vrrp_instance", "vrrp_instance NAME", (d, a) -> named(a, d.instances, VrrpInstanceBinder.Draft::new,
                    VrrpInstanceBinder.KEYWORDS))
            .block("virtual_server_group", "virtual_server_group NAME", (d, a) -> {
                if (a.exactly(1)) {
                    if (d.groups.containsKey(a.word(0))) {
                        a.error(0, "'" + a.word(0) + "' is defined twice");
                    }
                    d.groups.put(a.word(0), VirtualServerGroupBinder.bind(a.word(0), a.block().orElseThrow(), a.context()));
                }
            })
            .block("virtual_server", "virtual_server IP [PORT] | fwmark MARK | group NAME",
                    (d, a) -> VirtualServerBinder.bind(a.entry(), a.context()).ifPresent(d.virtualServers::add))
            .block("SSL", "SSL", ConfigBinder::ssl)
            .unsupported("net_namespace", "run jkeepalived in the namespace with -s NAME")
            .unsupported("net_namespace_ipvs", "IPVS runs in jkeepalived's namespace")
            .unsupported("track_group", "")
            .unsupported("bfd_instance", NO_BFD)
            .unsupported("interface_up_down_delays", "")
            .ignored("linkbeat_interfaces", "link state comes from netlink")
            .ignored("linkbeat_use_polling", "link state comes from netlink")
            .ignored("namespace_with_ipsets", "ipsets are not used")
            .ignored("instance", "pid files and data are named after -p")
            .ignored("use_pid_dir", "pid files are where -p, -r and -c say")
            .ignored("child_wait_time", "jkeepalived runs every subsystem in one JVM");

    /** The SSL block. */
    private static final class SslDraft {
        String password;
        String ca;
        String certificate;
        String key;

        SslSettings build() {
            return new SslSettings(Optional.ofNullable(password), Optional.ofNullable(ca), Optional.ofNullable(certificate),
                    Optional.ofNullable(key));
        }
    }

    private static final Keywords<SslDraft> SSL = new Keywords<SslDraft>()
            .add("password", "password PASSWORD", (d, a) -> a.single().ifPresent(v -> d.password = v))
            .add("ca", "ca FILE", (d, a) -> a.single().ifPresent(v -> d.ca = v))
            .add("certificate", "certificate FILE", (d, a) -> a.single().ifPresent(v -> d.certificate = v))
            .add("key", "key FILE", (d, a) -> a.single().ifPresent(v -> d.key = v));

    private final BindContext context;

    /**
     * @param diagnostics where problems go
     * @param hostName the host name defaults come from
     * @param checkers the factory serving a checker keyword, if any
     */
    public ConfigBinder(DiagnosticCollector diagnostics, String hostName,
            Function<String, Optional<CheckerFactory>> checkers) {
        this.context = new BindContext(diagnostics, hostName, checkers, new IprouteNames(IprouteNames.DEFAULT_DIRECTORIES),
                new HashSet<>(), Optional.empty());
    }

    /**
     * @param tree the tree
     * @return the configuration; meaningful only if no error was reported
     */
    public KeepalivedConfig bind(ConfigTree tree) {
        ScriptPolicy scriptPolicy = new ScriptPolicy(scriptSecurity(tree), new Accounts(), new ScriptSafety());
        BindContext context = this.context.withScripts(Optional.of(scriptPolicy));
        Draft draft = new Draft();
        for (ConfigEntry entry : tree.entries()) {
            KEYWORDS.bind(entry, draft, "the top level", context);
        }
        GlobalDefs globals = draft.globals.build(context.hostName());
        Map<String, VrrpScript> scripts = build(draft.scripts, s -> s.build(context));
        Map<String, TrackFile> files = build(draft.trackFiles, f -> f.build(context));
        Map<String, TrackProcess> processes = build(draft.trackProcesses, p -> p.build(context));
        Tracking.Blocks trackable = new Tracking.Blocks(scripts, files, processes);
        Map<String, SyncGroupBinder.Draft> membership = SyncGroupBinder.membership(draft.syncGroups.values(),
                draft.instances.keySet(), context);
        List<VrrpInstance> instances = new ArrayList<>();
        for (VrrpInstanceBinder.Draft instance : draft.instances.values()) {
            VrrpInstanceCompletion.build(instance, globals, trackable, membership.get(instance.name), context)
                    .ifPresent(instances::add);
        }
        List<VrrpSyncGroup> groups = new ArrayList<>();
        for (SyncGroupBinder.Draft group : draft.syncGroups.values()) {
            groups.add(group.build(globals, trackable, context));
        }
        VrrpInstanceCompletion.checkVirtualRouterIds(instances, draft.instances, context);
        List<VirtualServer> virtualServers = new ArrayList<>();
        for (VirtualServerBinder.Draft server : draft.virtualServers) {
            VirtualServerBinder.build(server, globals, draft.groups, context).ifPresent(virtualServers::add);
        }
        scriptPolicy.reportTolerated(context);
        return new KeepalivedConfig(globals, draft.staticAddresses, draft.staticRoutes, draft.staticRules,
                List.copyOf(scripts.values()), List.copyOf(files.values()), List.copyOf(processes.values()),
                GarpGroupBinder.build(draft.garpGroups, context), groups, instances,
                List.copyOf(draft.groups.values()), virtualServers, Optional.ofNullable(draft.ssl));
    }

    /**
     * global_defs' script settings, read ahead of the rest since they apply to every script wherever
     * it is; its problems are reported when global_defs is bound in turn.
     */
    private ScriptSecurity scriptSecurity(ConfigTree tree) {
        BindContext readAhead = new BindContext(new DiagnosticCollector(), context.hostName(), context.checkers(),
                context.iprouteNames(), new HashSet<>(), Optional.empty());
        GlobalDefsBinder.Draft globals = new GlobalDefsBinder.Draft();
        for (ConfigEntry entry : tree.entries()) {
            if (entry.keyword().equals("global_defs") && entry.block().isPresent()) {
                GlobalDefsBinder.bind(entry.block().get(), globals, readAhead);
            }
        }
        return globals.scriptSecurity();
    }

    /** Binds a section with a name; a name used twice is an error, as keepalived would merge or drop them. */
    private static <D> void named(Args args, Map<String, D> into, BiFunction<String, ConfigLocation, D> create,
            Keywords<D> keywords) {
        if (!args.exactly(1)) {
            return;
        }
        String name = args.word(0);
        if (into.containsKey(name)) {
            args.error(0, "'" + name + "' is defined twice");
            return;
        }
        D draft = create.apply(name, args.location());
        into.put(name, draft);
        keywords.bind(args.block().orElseThrow(), draft, args.name() + " " + name, args.context());
    }

    private static <D, T> Map<String, T> build(Map<String, D> drafts, Function<D, Optional<T>> build) {
        Map<String, T> built = new LinkedHashMap<>();
        drafts.forEach((name, draft) -> build.apply(draft).ifPresent(value -> built.put(name, value)));
        return built;
    }

    private static void ssl(Draft draft, Args args) {
        args.atMost(0);
        SslDraft ssl = new SslDraft();
        SSL.bind(args.block().orElseThrow(), ssl, "SSL", args.context());
        draft.ssl = ssl.build();
    }

}
