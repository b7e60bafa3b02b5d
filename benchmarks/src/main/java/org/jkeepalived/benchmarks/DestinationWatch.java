package org.jkeepalived.benchmarks;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jkeepalived.ipvs.api.DataPlane;
import org.jkeepalived.ipvs.api.DataPlaneException;
import org.jkeepalived.ipvs.api.DestinationStatus;
import org.jkeepalived.ipvs.api.IpProtocol;
import org.jkeepalived.ipvs.api.ServiceKey;

/**
 * Watches a data plane's table, the kernel's IPVS or the userspace one, for real servers leaving it:
 * every {@value #PERIOD_MILLIS} ms it dumps the destinations of the services given, only those, and
 * tells each watched real server that is not among them. A removal is so seen at most one period and
 * one round of dumps late; {@link #describe} says how long the longest round took.
 */
final class DestinationWatch implements AutoCloseable {

    static final long PERIOD_MILLIS = 50;
    private static final int WARM_ROUNDS = 20;

    private final Thread thread;
    private volatile boolean stopped;
    private volatile long longestRoundNanos;
    private volatile int rounds;

    /**
     * @param plane the data plane
     * @param watched the real servers watched, by the service they are in
     * @param removed told of each watched real server absent at a round, at each round
     */
    DestinationWatch(DataPlane plane, Map<ServiceKey, List<InetSocketAddress>> watched, Consumer<InetSocketAddress> removed) {
        thread = new Thread(() -> {
            while (!stopped) {
                long start = System.nanoTime();
                for (Map.Entry<ServiceKey, List<InetSocketAddress>> service : watched.entrySet()) {
                    Set<InetSocketAddress> present = new HashSet<>();
                    try {
                        for (DestinationStatus destination : plane.destinations(service.getKey())) {
                            present.add(new InetSocketAddress(destination.destination().key().address(),
                                    destination.destination().key().port()));
                        }
                    } catch (DataPlaneException e) {
                        System.out.printf("data plane: cannot dump %s: %s%n", service.getKey(), e.getMessage());
                    }
                    service.getValue().stream().filter(address -> !present.contains(address)).forEach(removed);
                }
                longestRoundNanos = Math.max(longestRoundNanos, System.nanoTime() - start);
                rounds++;
                try {
                    Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "destination-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * @param victims the real servers watched, by index
     * @return them by the service they are in
     */
    static Map<ServiceKey, List<InetSocketAddress>> byService(List<Integer> victims) {
        Map<ServiceKey, List<InetSocketAddress>> watched = new LinkedHashMap<>();
        for (int index : victims) {
            InetSocketAddress virtualServer = HealthCheckScale.virtualServer(index);
            watched.computeIfAbsent(new ServiceKey.Inet(IpProtocol.TCP, virtualServer.getAddress(), virtualServer.getPort()),
                    key -> new ArrayList<>()).add(RealServerFarm.address(index));
        }
        return watched;
    }

    /**
     * Waits for a few rounds before the real servers die, so that the first rounds, slow before the
     * JIT compiler has seen them, do not delay what is timed.
     */
    void awaitRounds() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (rounds < WARM_ROUNDS && System.nanoTime() < deadline) {
            Thread.sleep(PERIOD_MILLIS);
        }
    }

    /** @return how the watch went, for the report */
    String describe() {
        return String.format("destinations dumped every %d ms, %d rounds, the longest %.1f ms", PERIOD_MILLIS, rounds,
                longestRoundNanos / 1e6);
    }

    /** Stops the watch and waits for its round to end: the data plane must not close under a dump. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join();
    }
}
