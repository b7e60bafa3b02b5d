package org.jkeepalived.core.internal.systemd;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.jkeepalived.core.api.systemd.ServiceManager;
import org.jkeepalived.core.api.watchdog.Watchdog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaks sd_notify(3) to systemd when it started the process with {@code Type=notify}, as keepalived
 * does (see {@link Notifications} for what and when). Without {@code $NOTIFY_SOCKET} it does nothing.
 * The container has booted when Karaf registers its BootFinished service; it begins to stop when the
 * system bundle does.
 */
@Component(service = ServiceManager.class, immediate = true)
public final class SystemdNotifier implements ServiceManager {

    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifier.class);
    /** Registered by Karaf once every boot feature is installed; tracked by name, not imported. */
    private static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";
    /** How long the loops may take to run what they were given before READY=1 is tried again. */
    private static final Duration LOOP_ANSWER = Duration.ofSeconds(10);

    private final BundleContext context;
    private final Optional<Notifications> notifications;
    private final SynchronousBundleListener stopping = this::bundleChanged;
    private ServiceTracker<Object, Object> boot;

    /**
     * @param watchdog whether every loop answers
     * @param context the bundle's context
     */
    @Activate
    public SystemdNotifier(@Reference Watchdog watchdog, BundleContext context) {
        this.context = context;
        Map<String, String> environment = System.getenv();
        this.notifications = NotifySocket.of(environment.get("NOTIFY_SOCKET"))
                .map(socket -> new Notifications(socket, watchdog, watchdogInterval(environment), LOOP_ANSWER));
        notifications.ifPresentOrElse(present -> {
            LOG.info("systemd: notifying {}", environment.get("NOTIFY_SOCKET"));
            context.addBundleListener(stopping);
            trackBoot();
        }, () -> LOG.debug("no NOTIFY_SOCKET: not started by systemd with Type=notify"));
    }

    private void trackBoot() {
        try {
            boot = new ServiceTracker<>(context, context.createFilter("(" + Constants.OBJECTCLASS + "=" + BOOT_FINISHED + ")"),
                    null) {
                @Override
                public Object addingService(ServiceReference<Object> reference) {
                    notifications.ifPresent(Notifications::booted);
                    return reference;
                }
            };
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("the BootFinished filter", e);
        }
        boot.open();
    }

    /** WATCHDOG_USEC, unless WATCHDOG_PID names another process (sd_watchdog_enabled(3)). */
    static Optional<Duration> watchdogInterval(Map<String, String> environment) {
        String micros = environment.get("WATCHDOG_USEC");
        String pid = environment.get("WATCHDOG_PID");
        if (micros == null || (pid != null && !pid.trim().equals(Long.toString(ProcessHandle.current().pid())))) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(micros.trim());
            return value > 0 ? Optional.of(Duration.ofNanos(value * 1000)) : Optional.empty();
        } catch (NumberFormatException e) {
            LOG.warn("systemd: WATCHDOG_USEC={} is not a number of microseconds; no watchdog pings", micros);
            return Optional.empty();
        }
    }

    @Override
    public void reloading() {
        notifications.ifPresent(Notifications::reloading);
    }

    @Override
    public void configurationApplied() {
        notifications.ifPresent(Notifications::configurationApplied);
    }

    private void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.STOPPING && event.getBundle().getBundleId() == Constants.SYSTEM_BUNDLE_ID) {
            notifications.ifPresent(Notifications::stopping);
        }
    }

    @Deactivate
    void deactivate() {
        notifications.ifPresent(present -> {
            boot.close();
            context.removeBundleListener(stopping);
            present.close();
        });
    }
}
