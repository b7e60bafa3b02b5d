package org.jkeepalived.smtpalert.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jkeepalived.config.api.ConfigListener;
import org.jkeepalived.core.api.watchdog.StuckLoop;
import org.jkeepalived.core.api.watchdog.WatchdogListener;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.healthcheck.api.HealthEvent;
import org.jkeepalived.healthcheck.api.HealthListener;
import org.jkeepalived.vrrp.api.VrrpListener;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.api.VrrpTransition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * keepalived's smtp_alert: mails VRRP instances and sync groups changing state and real servers
 * going up or down, to notification_email through smtp_server. It listens on the whiteboard for the
 * configuration, VRRP and health changes and the watchdog's restarts, and hands each alert to its own sending thread: a listener
 * call only formats and queues.
 */
@Component(service = {ConfigListener.class, VrrpListener.class, HealthListener.class, WatchdogListener.class},
        immediate = true)
public final class SmtpAlertComponent implements ConfigListener, VrrpListener, HealthListener, WatchdogListener {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpAlertComponent.class);

    /** Alerts waiting at most: far more than a failover raises, few enough to be nothing in memory. */
    static final int QUEUE_CAPACITY = 256;

    private final AlertSender sender;
    private volatile AlertPolicy policy;
    /**
     * The last state mailed for each instance and group, as keepalived keeps it: an instance that
     * leaves MASTER for a FAULT not mailed (no_email_faults) and comes back is not mailed again.
     * Touched only on the VRRP listener thread.
     */
    private final Map<String, VrrpState> lastMailed = new HashMap<>();

    /** Retries start after a second and back off to a minute. */
    public SmtpAlertComponent() {
        this(Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    SmtpAlertComponent(Duration firstRetry, Duration maxRetry) {
        sender = new AlertSender(new SmtpTransport(), QUEUE_CAPACITY, firstRetry, maxRetry);
    }

    @Activate
    void activate() {
        sender.start();
    }

    @Deactivate
    void deactivate() {
        sender.close();
    }

    @Override
    public void configApplied(ConfigUpdate update) {
        AlertPolicy next = AlertPolicy.of(update.current());
        policy = next;
        sender.settings(next.mail());
        next.mail().ifPresentOrElse(
                mail -> LOG.debug("SMTP alerts go to {} through {}", mail.recipients(), mail.server()),
                () -> LOG.debug("SMTP alerts are off: smtp_server or notification_email is not set"));
    }

    @Override
    public void stateChanged(VrrpTransition transition) {
        AlertPolicy current = policy;
        if (current == null || !current.mails(transition)) {
            return;
        }
        String key = transition.scope() + " " + transition.name();
        if (lastMailed.get(key) == transition.current()) {
            return;
        }
        Optional<Alert> alert = AlertFormats.vrrp(current.routerId(), transition);
        alert.ifPresent(sender::submit);
        if (alert.isPresent()) {
            lastMailed.put(key, transition.current());
        }
    }

    @Override
    public void healthChanged(HealthEvent event) {
        AlertPolicy current = policy;
        if (current != null && current.mails(event)) {
            AlertFormats.realServer(current.routerId(), event).ifPresent(sender::submit);
        }
    }

    /** A subsystem restarted by the watchdog is mailed whenever mail is set up: no smtp_alert governs it. */
    @Override
    public void subsystemRestarted(StuckLoop stuck, boolean restarted) {
        AlertPolicy current = policy;
        if (current != null && current.mail().isPresent()) {
            sender.submit(AlertFormats.watchdog(current.routerId(), stuck, restarted));
        }
    }

    /** @return how many alerts wait to be sent */
    int waiting() {
        return sender.waiting();
    }
}
