package org.jkeepalived.benchmarks;

import java.time.Duration;
import java.util.Optional;

import io.netty.util.concurrent.DefaultThreadFactory;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.config.api.model.KeepalivedConfig;
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

    private LvsLayer(DataPlane plane, VirtualServers virtualServers, HealthEngine engine) {
        this.plane = plane;
        this.virtualServers = virtualServers;
        this.engine = engine;
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
        engine.addListener(virtualServers);
        return Optional.of(new LvsLayer(plane, virtualServers, engine));
    }

    DataPlane plane() {
        return plane;
    }

    /**
     * Waits until the lvs layer has worked through what it was told: the virtual servers and an
     * event per real server, each applied to the data plane in turn. Its status answers only then.
     *
     * @param timeout how long to wait at most
     * @return how long it took from now, empty if it did not happen in time
     */
    Optional<Duration> awaitSettled(Duration timeout) throws InterruptedException {
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
        engine.removeListener(virtualServers);
        // read on the lvs thread after what it was told: nothing is applied after the flush
        virtualServers.virtualServers();
        plane.flush();
        if (plane instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
