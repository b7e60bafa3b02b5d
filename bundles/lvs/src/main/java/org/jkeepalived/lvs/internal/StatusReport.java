package org.jkeepalived.lvs.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import org.jkeepalived.config.api.model.lvs.CheckerBlock;
import org.jkeepalived.config.api.model.lvs.RealServer;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.config.api.model.net.IpAddresses;
import org.jkeepalived.healthcheck.api.CheckerState;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.ServiceEntry;
import org.jkeepalived.lvs.api.RealServerStatus;
import org.jkeepalived.lvs.api.VirtualServerStatus;

/**
 * The status of a virtual server: its configuration, its quorum, the health of its real servers and
 * their weights in the data plane. The weights are those of its first service; the services of a
 * group are given the same destinations.
 */
final class StatusReport {

    private StatusReport() {
    }

    /**
     * @param server the virtual server
     * @param service its first service in the data plane, if it is there
     * @param health the health of a real server, or empty while the engine has not told it
     * @param quorumUp whether it has its quorum
     * @return its status
     */
    static VirtualServerStatus of(VirtualServer server, Optional<ServiceEntry> service,
            Function<RealServerKey, Optional<RealServerHealth>> health, boolean quorumUp) {
        Map<DestinationKey, Integer> weights = weights(service);
        List<RealServerStatus> reals = new ArrayList<>();
        for (RealServer real : server.realServers()) {
            Optional<RealServerHealth> known = health.apply(RealServerKey.of(server, real));
            Integer weight = weights.get(new DestinationKey(real.address(), real.port()));
            reals.add(new RealServerStatus(IpAddresses.endpoint(real.address(), real.port()), real.weight(),
                    weight == null ? OptionalInt.empty() : OptionalInt.of(weight), ServicePlanner.alive(server, real, known),
                    checkers(real, known)));
        }
        return new VirtualServerStatus(server.displayName(),
                server.protocol().map(protocol -> protocol.name().toLowerCase(Locale.ROOT)).orElse("any"),
                server.scheduler().name().toLowerCase(Locale.ROOT), server.method().toString(), quorumUp,
                ServicePlanner.liveWeight(server, health), server.quorum(), server.hysteresis(),
                server.sorryServer().map(sorry -> IpAddresses.endpoint(sorry.address(), sorry.port())),
                !quorumUp && server.sorryServer().isPresent(), reals);
    }

    /** The destinations' weights by key: looked up once per real server, so a report stays linear in their number. */
    private static Map<DestinationKey, Integer> weights(Optional<ServiceEntry> service) {
        Map<DestinationKey, Integer> weights = new HashMap<>();
        service.ifPresent(entry -> entry.destinations().forEach(destination -> weights.putIfAbsent(destination.key(), destination.weight())));
        return weights;
    }

    /** The checkers' states once the engine has told them; until then the keywords written. */
    private static List<String> checkers(RealServer real, Optional<RealServerHealth> known) {
        if (known.isPresent()) {
            return known.get().checkers().stream()
                    .map(checker -> checker.keyword() + " " + state(checker))
                    .toList();
        }
        return real.checkers().stream().map(CheckerBlock::keyword).map(keyword -> keyword + " not yet checked").toList();
    }

    private static String state(CheckerState checker) {
        return (checker.up() ? "up" : "down") + (checker.running() ? "" : " (" + checker.detail() + ")");
    }
}
