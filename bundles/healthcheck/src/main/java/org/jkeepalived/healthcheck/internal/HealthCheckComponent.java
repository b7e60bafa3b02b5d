package org.jkeepalived.healthcheck.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.checker.registry.api.CheckerRegistration;
import org.jkeepalived.checker.registry.api.CheckerRegistry;
import org.jkeepalived.checker.registry.api.CheckerRegistryListener;
import org.jkeepalived.config.api.ConfigListener;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.healthcheck.api.CheckStatistics;
import org.jkeepalived.healthcheck.api.CheckerDetail;
import org.jkeepalived.healthcheck.api.HealthListener;
import org.jkeepalived.healthcheck.api.HealthService;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;
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
 * {@link ConfigListener}) and the checker plugins (a {@link CheckerRegistryListener}), and tells
 * {@link HealthListener} services of every change.
 */
@Component(service = {HealthService.class, ConfigListener.class, CheckerRegistryListener.class}, immediate = true)
public final class HealthCheckComponent implements HealthService, ConfigListener, CheckerRegistryListener {

    /** The framework property that sets how many checker loops run (default 2). */
    static final String THREADS_PROPERTY = "jkeepalived.checker.threads";
    private static final int DEFAULT_THREADS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(HealthCheckComponent.class);

    @Reference
    private CheckerRegistry registry;

    /** Listeners bound before activation, which DS may do: they join the engine at activation. */
    private final List<HealthListener> early = new ArrayList<>();
    private volatile HealthEngine engine;

    @Activate
    synchronized void activate(BundleContext context) {
        int threads = threads(context.getProperty(THREADS_PROPERTY));
        engine = new HealthEngine(threads, registry);
        early.forEach(engine::addListener);
        early.clear();
        LOG.info("health checking runs on {} checker loops", threads);
    }

    @Deactivate
    void deactivate() {
        engine.close();
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
