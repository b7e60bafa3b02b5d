package org.jkeepalived.config.internal.bind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.model.vrrp.GarpGroup;

/** garp_group { ... }: an interface belongs to one group at most. */
final class GarpGroupBinder {

    /** keepalived's limit for both intervals. */
    private static final Duration MAX_INTERVAL = Duration.ofSeconds(1);

    static final class Draft {
        final ConfigLocation location;
        Duration garpInterval = Duration.ZERO;
        Duration gnaInterval = Duration.ZERO;
        final List<String> interfaces = new ArrayList<>();
        final List<ConfigLocation> interfaceLocations = new ArrayList<>();

        Draft(ConfigLocation location) {
            this.location = location;
        }

        void add(Args line, int index) {
            interfaces.add(line.word(index));
            interfaceLocations.add(line.location(index));
        }
    }

    static final Keywords<Draft> KEYWORDS = new Keywords<Draft>()
            .add("garp_interval", "garp_interval SECONDS",
                    (d, a) -> a.singleTimer(Duration.ZERO, MAX_INTERVAL).ifPresent(v -> d.garpInterval = v))
            .add("gna_interval", "gna_interval SECONDS",
                    (d, a) -> a.singleTimer(Duration.ZERO, MAX_INTERVAL).ifPresent(v -> d.gnaInterval = v))
            .add("interface", "interface INTERFACE", (d, a) -> {
                if (a.exactly(1)) {
                    d.add(a, 0);
                }
            })
            .block("interfaces", "interfaces", (d, a) -> {
                a.atMost(0);
                a.block().orElseThrow().entries().forEach(entry -> {
                    Args line = Args.line(entry, "interfaces", "INTERFACE", a.context());
                    for (int i = 0; i < line.size(); i++) {
                        d.add(line, i);
                    }
                });
            });

    private GarpGroupBinder() {
    }

    /**
     * Builds the groups in their order; an interface already in an earlier group is an error.
     *
     * @param drafts the garp_group blocks as read
     * @param context where problems go
     * @return the groups that have an interface
     */
    static List<GarpGroup> build(List<Draft> drafts, BindContext context) {
        Map<String, ConfigLocation> grouped = new HashMap<>();
        List<GarpGroup> groups = new ArrayList<>();
        for (Draft draft : drafts) {
            List<String> interfaces = new ArrayList<>();
            for (int i = 0; i < draft.interfaces.size(); i++) {
                String name = draft.interfaces.get(i);
                ConfigLocation location = draft.interfaceLocations.get(i);
                ConfigLocation earlier = grouped.putIfAbsent(name, location);
                if (earlier != null) {
                    context.error(location, "garp_group: interface " + name + " is already in the garp_group at " + earlier);
                } else {
                    interfaces.add(name);
                }
            }
            if (interfaces.isEmpty()) {
                context.error(draft.location, "garp_group has no interface; expected interface INTERFACE or interfaces { ... }");
            } else {
                groups.add(new GarpGroup(draft.garpInterval, draft.gnaInterval, interfaces));
            }
        }
        return groups;
    }
}
