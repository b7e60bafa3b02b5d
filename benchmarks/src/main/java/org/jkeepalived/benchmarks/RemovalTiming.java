package org.jkeepalived.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long a checker takes to take dead real servers out: some real servers die at once (their
 * listeners close, so that every probe after is refused), and for each the time from its death to
 * the moment an event of its removal is seen, as {@link #seen} is told, is printed as p50, p99 and
 * max, beside the bound the checker settings give. Several events may be timed at once, such as the
 * engine's verdict and the data plane's removal that follows it.
 *
 * <p>The victims are spread over {@value #VIRTUAL_SERVERS} virtual servers (fewer if there are
 * fewer), the same number of real servers in each, far apart in each.
 */
final class RemovalTiming {

    static final int VIRTUAL_SERVERS = 20;

    private final RealServerFarm farm;
    private final List<Integer> victims;
    private final Duration bound;
    private volatile Map<InetSocketAddress, Long> closedAt = Map.of();
    /** When each event was first seen after the death, by event, then by real server. */
    private final Map<String, Map<InetSocketAddress, Long>> seenAt = new ConcurrentHashMap<>();

    /**
     * @param farm the real servers
     * @param count how many die
     * @param serversPerVirtualServer how the real servers are grouped into virtual servers, in order
     * @param bound the longest a removal should take, from the checker settings
     */
    RemovalTiming(RealServerFarm farm, int count, int serversPerVirtualServer, Duration bound) {
        this.farm = farm;
        this.bound = bound;
        this.victims = victims(farm.size(), count, serversPerVirtualServer);
    }

    private static List<Integer> victims(int servers, int count, int perVirtualServer) {
        int virtualServers = (servers + perVirtualServer - 1) / perVirtualServer;
        int used = Math.min(VIRTUAL_SERVERS, Math.min(virtualServers, count));
        int perUsed = (count + used - 1) / used;
        List<Integer> indices = new ArrayList<>(count);
        for (int v = 0; v < used && indices.size() < count; v++) {
            int first = v * (virtualServers / used) * perVirtualServer;
            int size = Math.min(perVirtualServer, servers - first);
            for (int k = 0; k < perUsed && k < size && indices.size() < count; k++) {
                indices.add(first + k * (size / Math.min(perUsed, size)));
            }
        }
        return List.copyOf(indices);
    }

    /** @return the indices of the real servers that die */
    List<Integer> victims() {
        return victims;
    }

    /**
     * An event of a real server's removal was seen; only the first sighting after its death counts.
     *
     * @param event which event, one of those given to {@link #run}
     * @param address the real server
     */
    void seen(String event, InetSocketAddress address) {
        long now = System.nanoTime();
        if (closedAt.containsKey(address)) {
            seenAt.computeIfAbsent(event, e -> new ConcurrentHashMap<>()).putIfAbsent(address, now);
        }
    }

    /**
     * Kills the victims, waits until every event is seen for each, at most three times the bound and
     * half a minute more (an emulated guest is slow), and prints the figures of each event.
     *
     * @param events the events timed, each said in a few words
     */
    void run(List<String> events) throws IOException, InterruptedException {
        long virtualServers = victims.stream().map(HealthCheckScale::virtualServer).distinct().count();
        System.out.printf("killing %d real servers over %d virtual servers at once%n", victims.size(), virtualServers);
        Map<InetSocketAddress, Long> killed = farm.kill(victims);
        closedAt = killed;
        long deadline = System.nanoTime() + bound.multipliedBy(3).plusSeconds(30).toNanos();
        while (events.stream().anyMatch(event -> seenAt.getOrDefault(event, Map.of()).size() < killed.size())
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long spread = killed.values().stream().mapToLong(Long::longValue).max().orElse(0)
                - killed.values().stream().mapToLong(Long::longValue).min().orElse(0);
        System.out.printf("listeners closed within              %.1f ms; bound from the settings %.1f s%n", spread / 1e6,
                bound.toMillis() / 1e3);
        for (String event : events) {
            Map<InetSocketAddress, Long> seen = seenAt.getOrDefault(event, Map.of());
            RealServerFarm.Samples delays = new RealServerFarm.Samples();
            killed.forEach((address, closed) -> {
                Long at = seen.get(address);
                if (at != null) {
                    delays.add(at - closed);
                }
            });
            System.out.printf("death to %s: %d of %d seen, %s%n", event, delays.size(), killed.size(), delays.summary(0));
        }
    }
}
