package org.jkeepalived.benchmarks;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import io.netty.util.concurrent.DefaultThreadFactory;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.healthcheck.api.HealthListener;
import org.jkeepalived.healthcheck.internal.HealthEngine;
import org.jkeepalived.ipvs.api.DataPlane;
import org.jkeepalived.ipvs.api.DataPlaneException;
import org.jkeepalived.ipvs.api.ServiceTable;
import org.jkeepalived.ipvs.internal.kernel.KernelDataPlane;
import org.jkeepalived.ipvs.internal.userspace.UserspaceDataPlane;
import org.jkeepalived.lvs.internal.VirtualServers;

/**
 * jkeepalived's lvs layer in the benchmark's process, as the container wires it: the virtual
 * servers of the configuration in a data plane, kept in step with the health engine's listener
 * events. {@code -Ddataplane=kernel} puts them into the kernel's IPVS (the kernel-vm guest has it),
 * {@code userspace} into the userspace forwarder; {@code none}, the default, leaves the lvs layer out.
 * Closing flushes the data plane, so that the next engine finds IPVS empty.
 */
final class LvsLayer implements AutoCloseable {

    private final DataPlane plane;
    private final VirtualServers virtualServers;
    private final HealthEngine engine;
    /** Hands the engine's events to the lvs layer and counts them. */
    private final HealthListener listener;
    private final LongAdder told = new LongAdder();

    private LvsLayer(DataPlane plane, VirtualServers virtualServers, HealthEngine engine) {
        this.plane = plane;
        this.virtualServers = virtualServers;
        this.engine = engine;
        this.listener = event -> {
            virtualServers.healthChanged(event);
            told.increment();
        };
    }

    /**
     * @param backend kernel, userspace or none
     * @param config the configuration applied
     * @param engine the engine whose events drive it
     * @return the lvs layer running, none if the backend is none
     */
    static Optional<LvsLayer> start(String backend, KeepalivedConfig config, HealthEngine engine) throws DataPlaneException {
        DataPlane plane = switch (backend) {
            case "none" -> null;
            case "kernel" -> KernelDataPlane.open(Duration.ofSeconds(60));
            case "userspace" -> new UserspaceDataPlane(new DefaultThreadFactory("dataplane", true), 1);
            default -> throw new IllegalArgumentException("-Ddataplane=" + backend + ": kernel, userspace or none");
        };
        if (plane == null) {
            return Optional.empty();
        }
        plane.flush();
        VirtualServers virtualServers = new VirtualServers(plane);
        virtualServers.configApplied(new ConfigUpdate(Optional.empty(), config, 1));
        LvsLayer layer = new LvsLayer(plane, virtualServers, engine);
        engine.addListener(layer.listener);
        return Optional.of(layer);
    }

    /** Tells the lvs layer of a configuration applied, as the container does after a reload. */
    void configApplied(ConfigUpdate update) {
        virtualServers.configApplied(update);
    }

    DataPlane plane() {
        return plane;
    }

    /**
     * Waits until the lvs layer has worked through what it was told: the virtual servers and the
     * first event of every real server, each applied to the data plane in turn. Its status, read on
     * its thread after them, answers only then.
     *
     * @param servers how many real servers
     * @param timeout how long to wait at most
     * @return how long it took from now, empty if it did not happen in time
     */
    Optional<Duration> awaitSettled(int servers, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (told.sum() < servers && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return answers(Duration.ofNanos(deadline - System.nanoTime())).map(rest -> Duration.ofNanos(System.nanoTime() - start));
    }

    /** @return how long the lvs layer took to answer a status read, empty if it did not within the timeout */
    private Optional<Duration> answers(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                virtualServers.virtualServers();
                return Optional.of(Duration.ofNanos(System.nanoTime() - start));
            } catch (IllegalStateException e) {
                // still busy after its status timeout: ask again
            }
        }
        return Optional.empty();
    }

    /** @return the destinations in the data plane now */
    int destinations() throws DataPlaneException {
        return ServiceTable.read(plane).entries().stream().mapToInt(entry -> entry.destinations().size()).sum();
    }

    /** @return the backend, to name it */
    String describe() {
        return plane.backend().toString().toLowerCase(java.util.Locale.ROOT) + " data plane";
    }

    @Override
    public void close() throws Exception {
        engine.removeListener(listener);
        // a status read on the lvs thread after what it was told: nothing is applied after the flush
        if (answers(Duration.ofMinutes(10)).isEmpty()) {
            System.out.println("the lvs layer is still busy after 10 minutes; the data plane is flushed all the same");
        }
        plane.flush();
        if (plane instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
