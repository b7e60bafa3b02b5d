package org.jkeepalived.core.internal.systemd;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.core.api.systemd.ServiceManager;
import org.jkeepalived.core.api.watchdog.Watchdog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
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
 * does: {@code READY=1} once the container booted, the configuration is in place and every
 * supervised loop ran what it was given; {@code RELOADING=1} then {@code READY=1} around a reload;
 * {@code STOPPING=1} as soon as the container begins to stop; and, with {@code WatchdogSec},
 * {@code WATCHDOG=1} at half the interval, but only while the watchdog sees every loop answer, so
 * that a process whose loops are stuck past restarting is killed and started again by systemd.
 */
@Component(service = ServiceManager.class, immediate = true)
public final class SystemdNotifier implements ServiceManager {

    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifier.class);
    /** Registered by Karaf once every boot feature is installed; tracked by name, not imported. */
    private static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";

    private final Watchdog watchdog;
    private final Optional<NotifySocket> socket;
    private final ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "systemd-notify");
        thread.setDaemon(true);
        return thread;
    });
    private final BundleContext context;
    private final SynchronousBundleListener stopping = this::frameworkEvent;
    private ServiceTracker<Object, Object> boot;
    private boolean booted;
    private boolean configured;
    private boolean withholding;

    /**
     * @param watchdog whether every loop answers
     * @param context the bundle's context
     */
    @Activate
    public SystemdNotifier(@Reference Watchdog watchdog, BundleContext context) {
        this(watchdog, context, System.getenv());
    }

    SystemdNotifier(Watchdog watchdog, BundleContext context, Map<String, String> environment) {
        this.watchdog = watchdog;
        this.context = context;
        this.socket = NotifySocket.of(environment.get("NOTIFY_SOCKET"));
        if (socket.isEmpty()) {
            LOG.debug("no NOTIFY_SOCKET: not started by systemd with Type=notify");
            return;
        }
        LOG.info("systemd: notifying {}", socket.get().name());
        watchdogInterval(environment).ifPresent(micros -> {
            LOG.info("systemd: WatchdogSec is {} ms; WATCHDOG=1 every {} ms while every loop answers", micros / 1000,
                    micros / 2000);
            pings.scheduleAtFixedRate(this::ping, 0, micros / 2, TimeUnit.MICROSECONDS);
        });
        context.addBundleListener(stopping);
        try {
            boot = new ServiceTracker<>(context, context.createFilter("(" + Constants.OBJECTCLASS + "=" + BOOT_FINISHED + ")"),
                    null) {
                @Override
                public Object addingService(org.osgi.framework.ServiceReference<Object> reference) {
                    booted();
                    return reference;
                }
            };
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        boot.open();
    }

    /** WATCHDOG_USEC, unless WATCHDOG_PID names another process (sd_watchdog_enabled(3)). */
    private static Optional<Long> watchdogInterval(Map<String, String> environment) {
        String micros = environment.get("WATCHDOG_USEC");
        String pid = environment.get("WATCHDOG_PID");
        if (micros == null || (pid != null && !pid.equals(Long.toString(ProcessHandle.current().pid())))) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(micros.trim());
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            LOG.warn("systemd: WATCHDOG_USEC={} is not a number of microseconds; no watchdog pings", micros);
            return Optional.empty();
        }
    }

    @Override
    public void reloading() {
        synchronized (this) {
            configured = false;
        }
        // systemd 253 and later want the time of the reload with it; CLOCK_MONOTONIC is nanoTime's clock
        send("RELOADING=1\nMONOTONIC_USEC=" + System.nanoTime() / 1000);
    }

    @Override
    public void configurationApplied() {
        synchronized (this) {
            configured = true;
        }
        readyIfDue();
    }

    private void booted() {
        synchronized (this) {
            booted = true;
        }
        readyIfDue();
    }

    private void readyIfDue() {
        synchronized (this) {
            if (!booted || !configured || socket.isEmpty()) {
                return;
            }
        }
        watchdog.throughEveryLoop().thenRun(() -> send("READY=1\nSTATUS=running"));
    }

    private void ping() {
        boolean healthy = watchdog.healthy();
        if (healthy) {
            send("WATCHDOG=1");
        } else if (!withholding) {
            LOG.error("systemd: a loop does not answer the watchdog; WATCHDOG=1 withheld until it does");
        }
        withholding = !healthy;
    }

    private void frameworkEvent(BundleEvent event) {
        if (event.getType() == BundleEvent.STOPPING && event.getBundle().getBundleId() == 0) {
            send("STOPPING=1\nSTATUS=stopping");
        }
    }

    private void send(String assignments) {
        socket.ifPresent(notify -> {
            try {
                notify.send(assignments);
                LOG.debug("systemd: {}", assignments.replace('\n', ' '));
            } catch (IllegalStateException e) {
                LOG.warn("systemd: {}", e.getMessage());
            }
        });
    }

    @Deactivate
    void deactivate() {
        pings.shutdownNow();
        if (boot != null) {
            boot.close();
            context.removeBundleListener(stopping);
        }
        socket.ifPresent(NotifySocket::close);
    }
}
