package org.jkeepalived.lvs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jkeepalived.config.api.model.lvs.LvsMethod;
import org.jkeepalived.config.api.model.lvs.RealServer;
import org.jkeepalived.config.api.model.lvs.SorryServer;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.Forwarding;
import org.jkeepalived.ipvs.api.Persistence;
import org.jkeepalived.ipvs.api.Scheduler;
import org.jkeepalived.ipvs.api.SchedulerFlag;
import org.jkeepalived.ipvs.api.ServiceEntry;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.VirtualService;

/**
 * What a virtual_server puts in the data plane, given its real servers' health and its quorum, as
 * keepalived does: a real server that is up with the weight its checkers give it; one that is down
 * with weight 0 under inhibit_on_failure (its connections live on), else not at all. Without quorum
 * the sorry_server, if there is one, replaces every real server; with quorum it is absent, or at
 * weight 0 under sorry_server_inhibit.
 */
final class ServicePlanner {

    private ServicePlanner() {
    }

    /**
     * @param server the virtual server
     * @param health the health of a real server, or empty while the engine has not told it
     * @return the weight of its real servers that are up
     */
    static long liveWeight(VirtualServer server, Function<RealServerKey, Optional<RealServerHealth>> health) {
        long weight = 0;
        for (RealServer real : server.realServers()) {
            Optional<RealServerHealth> known = health.apply(RealServerKey.of(server, real));
            if (alive(server, real, known)) {
                weight += known.map(RealServerHealth::weight).orElse(real.weight());
            }
        }
        return weight;
    }

    /**
     * @param server the virtual server
     * @param keys its services
     * @param health the health of a real server, or empty while the engine has not told it
     * @param quorumUp whether it has its quorum
     * @return its entries in the data plane
     */
    static List<ServiceEntry> plan(VirtualServer server, List<ServiceKey> keys,
            Function<RealServerKey, Optional<RealServerHealth>> health, boolean quorumUp) {
        List<Destination> destinations = new ArrayList<>();
        Optional<SorryServer> sorry = server.sorryServer();
        if (!quorumUp && sorry.isPresent()) {
            destinations.add(sorry(server, sorry.get(), 1));
        } else {
            for (RealServer real : server.realServers()) {
                Optional<RealServerHealth> known = health.apply(RealServerKey.of(server, real));
                Destination destination = Destination.of(new DestinationKey(real.address(), real.port()), 1)
                        .withForwarding(forwarding(real.method()))
                        .withThresholds(real.upperThreshold(), real.lowerThreshold());
                if (alive(server, real, known)) {
                    destinations.add(destination.withWeight(known.map(RealServerHealth::weight).orElse(real.weight())));
                } else if (real.inhibitOnFailure()) {
                    destinations.add(destination.withWeight(0));
                }
            }
            if (sorry.isPresent() && sorry.get().inhibit()) {
                destinations.add(sorry(server, sorry.get(), 0));
            }
        }
        List<ServiceEntry> entries = new ArrayList<>();
        for (ServiceKey key : keys) {
            entries.add(new ServiceEntry(service(server, key), destinations));
        }
        return entries;
    }

    /** A real server the engine has not told of yet is up, unless alpha says to start down. */
    static boolean alive(VirtualServer server, RealServer real, Optional<RealServerHealth> known) {
        return known.map(RealServerHealth::up).orElse(!server.alpha() && !real.alpha());
    }

    private static Destination sorry(VirtualServer server, SorryServer sorry, int weight) {
        return Destination.of(new DestinationKey(sorry.address(), sorry.port()), weight).withForwarding(forwarding(sorry.method()));
    }

    private static VirtualService service(VirtualServer server, ServiceKey key) {
        Set<SchedulerFlag> flags = server.schedulerFlags().stream()
                .map(flag -> SchedulerFlag.valueOf(flag.name()))
                .collect(Collectors.toSet());
        return VirtualService.of(key, Scheduler.valueOf(server.scheduler().name()))
                .withFlags(flags)
                .withOnePacket(server.onePacketScheduling())
                .withPersistence(server.persistenceTimeout().map(timeout -> {
                    Persistence perClient = Persistence.perClient(timeout, key.family());
                    return server.persistenceGranularity().map(length -> new Persistence(timeout, length)).orElse(perClient);
                }));
    }

    private static Forwarding forwarding(LvsMethod method) {
        return new Forwarding(Forwarding.Method.valueOf(method.kind().name()),
                Forwarding.TunnelType.valueOf(method.tunnelType().name()), method.tunnelPort().orElse(0),
                Forwarding.TunnelChecksum.valueOf(method.tunnelChecksum().name()));
    }
}
