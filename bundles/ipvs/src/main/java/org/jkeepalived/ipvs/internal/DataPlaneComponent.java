package org.jkeepalived.ipvs.internal;

import java.nio.file.Files;
import java.util.List;
import java.util.function.Supplier;

import io.netty.util.concurrent.DefaultThreadFactory;

import org.jkeepalived.ipvs.api.Backend;
import org.jkeepalived.ipvs.api.DataPlane;
import org.jkeepalived.ipvs.api.DataPlaneException;
import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.DestinationStatus;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.ServiceStatus;
import org.jkeepalived.ipvs.api.SyncDaemon;
import org.jkeepalived.ipvs.api.Timeouts;
import org.jkeepalived.ipvs.api.VirtualService;
import org.jkeepalived.ipvs.internal.kernel.KernelDataPlane;
import org.jkeepalived.ipvs.internal.userspace.UserspaceDataPlane;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DataPlane} service: the backend {@link BackendSelection} chooses, started when the
 * component activates and closed when it deactivates. Closed, the userspace backend stops forwarding
 * its services; the kernel's IPVS keeps its table, as it does when keepalived stops.
 */
@Component(service = DataPlane.class, immediate = true)
public final class DataPlaneComponent implements DataPlane {

    private static final Logger LOG = LoggerFactory.getLogger(DataPlaneComponent.class);
    /** The framework property that sets how many threads forward userspace traffic (default: one per core). */
    static final String THREADS_PROPERTY = "jkeepalived.dataplane.threads";

    private DataPlane delegate;

    @Activate
    void activate(BundleContext context) {
        KernelProbe probe = new KernelProbe();
        BackendSelection.Choice choice;
        try {
            choice = BackendSelection.choose(context.getProperty(BackendSelection.PROPERTY), probe);
        } catch (IllegalArgumentException e) {
            probe.close();
            LOG.error("no data plane: {}", e.getMessage());
            throw e;
        }
        if (choice.backend() == Backend.KERNEL) {
            delegate = probe.plane;
            LOG.info("data plane: kernel backend, because {}", choice.reason());
        } else {
            probe.close();
            delegate = new UserspaceDataPlane(new DefaultThreadFactory("jkeepalived-dataplane", true),
                    forwardingThreads(context.getProperty(THREADS_PROPERTY)));
            LOG.warn("data plane: userspace backend, because {}", choice.reason());
        }
    }

    @Deactivate
    void deactivate() {
        if (delegate instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("data plane: closing failed: {}", e.toString());
            }
        }
        delegate = null;
    }

    /** Asks the kernel's IPVS for its version, keeping the data plane that asked if it answered. */
    private static final class KernelProbe implements Supplier<BackendSelection.KernelIpvs> {

        private KernelDataPlane plane;

        @Override
        public BackendSelection.KernelIpvs get() {
            if (!Files.exists(BackendSelection.KERNEL_IPVS)) {
                return BackendSelection.KernelIpvs.missing("the kernel has no IPVS (" + BackendSelection.KERNEL_IPVS
                        + " is missing: no ip_vs module, or a container)");
            }
            try {
                plane = KernelDataPlane.open();
                return BackendSelection.KernelIpvs.answering(plane.version());
            } catch (DataPlaneException e) {
                return BackendSelection.KernelIpvs.missing(e.getMessage());
            }
        }

        void close() {
            if (plane != null) {
                plane.close();
            }
        }
    }

    private static int forwardingThreads(String configured) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (configured == null || configured.isBlank()) {
            return cores;
        }
        try {
            int threads = Integer.parseInt(configured.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("{}={} is not a number of threads; using {}", THREADS_PROPERTY, configured, cores);
        return cores;
    }

    @Override
    public Backend backend() {
        return delegate.backend();
    }

    @Override
    public void newService(VirtualService service) throws DataPlaneException {
        delegate.newService(service);
    }

    @Override
    public void setService(VirtualService service) throws DataPlaneException {
        delegate.setService(service);
    }

    @Override
    public void deleteService(ServiceKey key) throws DataPlaneException {
        delegate.deleteService(key);
    }

    @Override
    public void newDestination(ServiceKey service, Destination destination) throws DataPlaneException {
        delegate.newDestination(service, destination);
    }

    @Override
    public void setDestination(ServiceKey service, Destination destination) throws DataPlaneException {
        delegate.setDestination(service, destination);
    }

    @Override
    public void deleteDestination(ServiceKey service, DestinationKey destination) throws DataPlaneException {
        delegate.deleteDestination(service, destination);
    }

    @Override
    public void flush() throws DataPlaneException {
        delegate.flush();
    }

    @Override
    public List<ServiceStatus> services() throws DataPlaneException {
        return delegate.services();
    }

    @Override
    public List<DestinationStatus> destinations(ServiceKey service) throws DataPlaneException {
        return delegate.destinations(service);
    }

    @Override
    public void setTimeouts(Timeouts timeouts) throws DataPlaneException {
        delegate.setTimeouts(timeouts);
    }

    @Override
    public Timeouts timeouts() throws DataPlaneException {
        return delegate.timeouts();
    }

    @Override
    public void startSyncDaemon(SyncDaemon daemon) throws DataPlaneException {
        delegate.startSyncDaemon(daemon);
    }

    @Override
    public void stopSyncDaemon(SyncDaemon.Role role) throws DataPlaneException {
        delegate.stopSyncDaemon(role);
    }

    @Override
    public List<SyncDaemon> syncDaemons() throws DataPlaneException {
        return delegate.syncDaemons();
    }
}
