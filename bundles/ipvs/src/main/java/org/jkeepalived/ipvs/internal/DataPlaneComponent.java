package org.jkeepalived.ipvs.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.netty.util.concurrent.DefaultThreadFactory;

import org.jkeepalived.ipvs.api.Backend;
import org.jkeepalived.ipvs.api.DataPlane;
import org.jkeepalived.ipvs.api.DataPlaneException;
import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.DestinationStatus;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.ServiceStatus;
import org.jkeepalived.ipvs.api.Timeouts;
import org.jkeepalived.ipvs.api.VirtualService;
import org.jkeepalived.ipvs.internal.userspace.UserspaceDataPlane;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DataPlane} service: the backend {@link BackendSelection} chooses, started when the
 * component activates and closed, with every service it forwards, when it deactivates.
 */
@Component(service = DataPlane.class, immediate = true)
public final class DataPlaneComponent implements DataPlane {

    private static final Logger LOG = LoggerFactory.getLogger(DataPlaneComponent.class);
    /** The framework property that sets how many threads forward userspace traffic (default: one per core). */
    static final String THREADS_PROPERTY = "jkeepalived.dataplane.threads";
    /** The backends this jkeepalived has. */
    private static final Set<Backend> BUILT = EnumSet.of(Backend.USERSPACE);

    private DataPlane delegate;

    @Activate
    void activate(BundleContext context) {
        BackendSelection.Choice choice;
        try {
            choice = BackendSelection.choose(context.getProperty(BackendSelection.PROPERTY), BackendSelection.kernelHasIpvs(), BUILT);
        } catch (IllegalArgumentException e) {
            LOG.error("no data plane: {}", e.getMessage());
            throw e;
        }
        delegate = open(choice.backend(), context.getProperty(THREADS_PROPERTY));
        LOG.warn("data plane: {} backend, because {}", choice.backend().configName(), choice.reason());
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

    private static DataPlane open(Backend backend, String threads) {
        return switch (backend) {
            case USERSPACE -> new UserspaceDataPlane(new DefaultThreadFactory("jkeepalived-dataplane", true), forwardingThreads(threads));
            case KERNEL -> throw new IllegalStateException("no kernel backend in this jkeepalived");
        };
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
}
