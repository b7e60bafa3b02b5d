package org.jkeepalived.config.internal.bind;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.model.Script;
import org.jkeepalived.config.api.model.lvs.CheckerBlock;
import org.jkeepalived.config.api.model.lvs.LvsMethod;

/** real_server IP [PORT] { ... }, and its checker blocks. */
final class RealServerBinder {

    static final class Draft {
        final InetAddress address;
        final Integer port;
        final ConfigLocation location;
        Integer weight;
        LvsMethod method;
        Script notifyUp;
        Script notifyDown;
        int upperThreshold;
        int lowerThreshold;
        Boolean inhibitOnFailure;
        Boolean smtpAlert;
        String virtualhost;
        Boolean alpha;
        final Timers timers = new Timers();
        final List<ConfigEntry> checkers = new ArrayList<>();

        Draft(InetAddress address, Integer port, ConfigLocation location) {
            this.address = address;
            this.port = port;
            this.location = location;
        }

        /** Binds the checker blocks, now that the real server's and virtual server's timers are all known. */
        List<CheckerBlock> checkers(Timers virtualServer, boolean alphaDefault, boolean logAllFailures, BindContext context) {
            Timers inherited = timers.over(virtualServer);
            List<CheckerBlock> blocks = new ArrayList<>();
            for (ConfigEntry checker : checkers) {
                CheckerBinder.bind(checker, inherited, alpha != null ? alpha : alphaDefault, logAllFailures, context)
                        .ifPresent(blocks::add);
            }
            return blocks;
        }
    }

    static final Keywords<Draft> KEYWORDS = new Keywords<Draft>()
            .add("weight", "weight WEIGHT", (d, a) -> a.singleInt(0, Integer.MAX_VALUE).ifPresent(v -> d.weight = v))
            .add("lvs_method", "lvs_method " + LvsMethodParser.USAGE, (d, a) -> LvsMethodParser.parse(a).ifPresent(v -> d.method = v))
            .deprecated("lb_kind", "lvs_method")
            .add("notify_up", "notify_up SCRIPT [USER [GROUP]]", (d, a) -> a.script().ifPresent(s -> d.notifyUp = s))
            .add("notify_down", "notify_down SCRIPT [USER [GROUP]]", (d, a) -> a.script().ifPresent(s -> d.notifyDown = s))
            .add("uthreshold", "uthreshold CONNECTIONS", (d, a) -> a.singleInt(0, Integer.MAX_VALUE).ifPresent(v -> d.upperThreshold = v))
            .add("lthreshold", "lthreshold CONNECTIONS", (d, a) -> a.singleInt(0, Integer.MAX_VALUE).ifPresent(v -> d.lowerThreshold = v))
            .add("inhibit_on_failure", "inhibit_on_failure [BOOL]", (d, a) -> d.inhibitOnFailure = a.flag())
            .add("smtp_alert", "smtp_alert [BOOL]", (d, a) -> d.smtpAlert = a.flag())
            .add("virtualhost", "virtualhost NAME", (d, a) -> a.single().ifPresent(v -> d.virtualhost = v))
            .add("alpha", "alpha [BOOL]", (d, a) -> d.alpha = a.flag())
            .ignored("snmp_name", "jkeepalived has no SNMP agent")
            .otherBlocks((d, a) -> d.checkers.add(a.entry()));
    static {
        Timers.addTo(KEYWORDS, draft -> draft.timers);
    }

    private RealServerBinder() {
    }

    /** Reads {@code IP [PORT]} and the block; empty if the address is not valid (reported). */
    static Optional<Draft> bind(Args args, String where) {
        if (!args.require(1)) {
            return Optional.empty();
        }
        args.atMost(2);
        Optional<InetAddress> address = args.address(0);
        Optional<Integer> port = args.has(1) ? args.integer(1, 0, 65535).map(Long::intValue) : Optional.empty();
        if (address.isEmpty() || (args.has(1) && port.isEmpty())) {
            return Optional.empty();
        }
        Draft draft = new Draft(address.get(), port.filter(p -> p != 0).orElse(null), args.location());
        KEYWORDS.bind(args.block().orElseThrow(), draft, "real_server " + args.word(0) + " of " + where, args.context());
        return Optional.of(draft);
    }
}
