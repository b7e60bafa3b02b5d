package org.jkeepalived.core.internal.watchdog;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jkeepalived.core.api.watchdog.LoopFaults;
import org.jkeepalived.core.api.watchdog.Supervised;
import org.jkeepalived.core.api.watchdog.Watchdog;
import org.jkeepalived.core.api.watchdog.WatchdogListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watchdog in the container: supervises every {@link Supervised} service, tells every
 * {@link WatchdogListener} of each restart, and registers {@link LoopFaults} only when the framework
 * property {@value LoopFaults#ENABLE_PROPERTY} is {@code true}.
 */
@Component(service = Watchdog.class, immediate = true)
public final class WatchdogComponent implements Watchdog {

    private static final Logger LOG = LoggerFactory.getLogger(WatchdogComponent.class);

    private final List<Supervised> subsystems = new CopyOnWriteArrayList<>();
    private final List<WatchdogListener> listeners = new CopyOnWriteArrayList<>();
    private LoopSupervisor supervisor;
    private ServiceRegistration<LoopFaults> faults;

    @Activate
    void activate(BundleContext context) {
        supervisor = new LoopSupervisor(WatchdogSettings.from(context::getProperty), () -> subsystems,
                () -> listeners, Clock.systemUTC());
        supervisor.start();
        if (Boolean.parseBoolean(context.getProperty(LoopFaults.ENABLE_PROPERTY))) {
            LOG.warn("{}=true: loops can be blocked on purpose (keepalived:block-loop); never set it in production",
                    LoopFaults.ENABLE_PROPERTY);
            faults = context.registerService(LoopFaults.class, new FaultInjection(supervisor), null);
        }
    }

    @Deactivate
    void deactivate() {
        if (faults != null) {
            faults.unregister();
        }
        supervisor.close();
    }

    @Override
    public boolean healthy() {
        return supervisor.healthy();
    }

    @Override
    public CompletionStage<Void> throughEveryLoop() {
        return CompletableFuture.allOf(subsystems.stream().flatMap(subsystem -> subsystem.loops().values().stream())
                .map(loop -> CompletableFuture.runAsync(() -> { }, loop)).toArray(CompletableFuture[]::new));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSupervised(Supervised subsystem) {
        subsystems.add(subsystem);
    }

    void removeSupervised(Supervised subsystem) {
        subsystems.remove(subsystem);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(WatchdogListener listener) {
        listeners.add(listener);
    }

    void removeListener(WatchdogListener listener) {
        listeners.remove(listener);
    }
}
