package org.jkeepalived.healthcheck.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import org.jkeepalived.checker.registry.api.CheckerRegistration;
import org.jkeepalived.checker.registry.api.CheckerRegistry;
import org.jkeepalived.checker.registry.api.CheckerRegistryListener;
import org.jkeepalived.config.api.ConfigListener;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.core.api.watchdog.StuckLoop;
import org.jkeepalived.core.api.watchdog.Supervised;
import org.jkeepalived.healthcheck.api.CheckStatistics;
import org.jkeepalived.healthcheck.api.CheckerDetail;
import org.jkeepalived.healthcheck.api.HealthListener;
import org.jkeepalived.healthcheck.api.HealthService;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.jkeepalived.netlink.api.Address;
import org.jkeepalived.netlink.api.InterfaceListener;
import org.jkeepalived.netlink.api.InterfaceMonitor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link HealthEngine} in the container: it follows the running configuration (a
 * {@link ConfigListener}), the checker plugins (a {@link CheckerRegistryListener}) and the addresses
 * of this host (for ha_suspend, from the {@link InterfaceMonitor}), and tells {@link HealthListener}
 * services of every change. The watchdog supervises its checker loops and replaces one that is stuck.
 */
@Component(service = {HealthService.class, ConfigListener.class, CheckerRegistryListener.class, Supervised.class},
        immediate = true)
public final class HealthCheckComponent implements HealthService, ConfigListener, CheckerRegistryListener, Supervised {

    /** The framework property that sets how many checker loops run (default 2). */
    static final String THREADS_PROPERTY = "jkeepalived.checker.threads";
    private static final int DEFAULT_THREADS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(HealthCheckComponent.class);

    @Reference
    private CheckerRegistry registry;

    /** Listeners bound before activation, which DS may do: they join the engine at activation. */
    private final List<HealthListener> early = new ArrayList<>();
    private final InterfaceListener addressFollower = event -> followAddresses();
    private volatile HealthEngine engine;
    private volatile InterfaceMonitor interfaces;

    @Activate
    synchronized void activate(BundleContext context) {
        int threads = threads(context.getProperty(THREADS_PROPERTY));
        engine = new HealthEngine(threads, registry);
        early.forEach(engine::addListener);
        early.clear();
        if (interfaces != null) {
            interfaces.addListener(addressFollower, Runnable::run);
        }
        LOG.info("health checking runs on {} checker loops", threads);
    }

    @Deactivate
    synchronized void deactivate() {
        if (interfaces != null) {
            interfaces.removeListener(addressFollower);
        }
        engine.close();
    }

    /** Without it, ha_suspend suspends nothing; when it goes, the last addresses it gave stay. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    synchronized void setInterfaceMonitor(InterfaceMonitor monitor) {
        interfaces = monitor;
        if (engine != null) {
            monitor.addListener(addressFollower, Runnable::run);
        }
    }

    synchronized void unsetInterfaceMonitor(InterfaceMonitor monitor) {
        monitor.removeListener(addressFollower);
        if (interfaces == monitor) {
            interfaces = null;
        }
    }

    private void followAddresses() {
        InterfaceMonitor monitor = interfaces;
        HealthEngine running = engine;
        if (monitor != null && running != null) {
            running.localAddresses(monitor.interfaces().all().stream()
                    .flatMap(state -> state.addresses().stream())
                    .map(Address::address)
                    .collect(Collectors.toSet()));
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addListener(HealthListener listener) {
        if (engine == null) {
            early.add(listener);
        } else {
            engine.addListener(listener);
        }
    }

    synchronized void removeListener(HealthListener listener) {
        if (engine == null) {
            early.remove(listener);
        } else {
            engine.removeListener(listener);
        }
    }

    @Override
    public void configApplied(ConfigUpdate update) {
        engine.apply(update.current());
    }

    @Override
    public void checkerAdded(CheckerRegistration registration) {
        engine.pluginArrived(registration);
    }

    @Override
    public void checkerRemoved(CheckerRegistration registration) {
        engine.pluginLeft(registration);
    }

    @Override
    public List<RealServerHealth> snapshot() {
        return engine.snapshot();
    }

    @Override
    public Optional<RealServerHealth> health(RealServerKey key) {
        return engine.health(key);
    }

    @Override
    public Optional<List<CheckerDetail>> checkers(RealServerKey key) {
        return engine.checkers(key);
    }

    @Override
    public String subsystem() {
        return "checkers";
    }

    @Override
    public Map<String, Executor> loops() {
        return engine.loops();
    }

    @Override
    public void restart(StuckLoop stuck) {
        engine.restartLoop(stuck.loop());
    }

    @Override
    public CheckStatistics statistics() {
        return engine.statistics();
    }

    private static int threads(String configured) {
        if (configured == null || configured.isBlank()) {
            return DEFAULT_THREADS;
        }
        try {
            int threads = Integer.parseInt(configured.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("{}={} is not a number of threads; using {}", THREADS_PROPERTY, configured, DEFAULT_THREADS);
        return DEFAULT_THREADS;
    }
}
