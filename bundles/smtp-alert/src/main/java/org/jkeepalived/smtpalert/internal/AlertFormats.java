package org.jkeepalived.smtpalert.internal;

import java.util.Optional;

import org.jkeepalived.core.api.watchdog.StuckLoop;
import org.jkeepalived.healthcheck.api.CheckFailure;
import org.jkeepalived.healthcheck.api.CheckerState;
import org.jkeepalived.healthcheck.api.HealthEvent;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.api.VrrpTransition;

/**
 * The subjects and bodies of keepalived's alerts, so that the filters and habits of those who read
 * them keep working: {@code [router_id] VRRP Instance NAME - Entering MASTER state} and
 * {@code [router_id] Realserver [10.0.0.2]:tcp:80 of virtual server [10.0.0.1]:tcp:80 - DOWN}.
 */
final class AlertFormats {

    private AlertFormats() {
    }

    /**
     * @param routerId router_id of global_defs
     * @param transition an instance or sync group that changed state
     * @return its alert; empty for a state keepalived mails nothing about
     */
    static Optional<Alert> vrrp(String routerId, VrrpTransition transition) {
        boolean group = transition.scope() == VrrpTransition.Scope.SYNC_GROUP;
        String what;
        String body;
        switch (transition.current()) {
            case MASTER -> {
                what = "Entering MASTER state";
                body = group ? groupBody("now in MASTER state") : "=> VRRP Instance is now owning VRRP VIPs <=";
            }
            case BACKUP -> {
                what = "Entering BACKUP state";
                body = group ? groupBody("now in BACKUP state") : "=> VRRP Instance is no longer owning VRRP VIPs <=";
            }
            case FAULT -> {
                what = "Entering FAULT state";
                body = group ? groupBody("now in FAULT state") : "=> VRRP Instance is no longer owning VRRP VIPs <=";
            }
            case INITIALIZE -> {
                if (transition.previous() == VrrpState.INITIALIZE) {
                    return Optional.empty();
                }
                what = "Stopping";
                body = group ? groupBody("now stopping") : "=> VRRP Instance stopping <=";
            }
            default -> throw new IllegalArgumentException("unknown state " + transition.current());
        }
        String subject = "[" + routerId + "] " + (group ? "VRRP Group " : "VRRP Instance ") + transition.name() + " - " + what;
        return Optional.of(new Alert(subject, body, transition.at()));
    }

    /**
     * @param routerId router_id of global_defs
     * @param event a change of a real server's health
     * @return its alert: one for a real server going up or down, none for the other changes
     */
    static Optional<Alert> realServer(String routerId, HealthEvent event) {
        if (event.kind() != HealthEvent.Kind.UP && event.kind() != HealthEvent.Kind.DOWN) {
            return Optional.empty();
        }
        boolean up = event.kind() == HealthEvent.Kind.UP;
        String subject = "[" + routerId + "] Realserver " + event.key().realServerName() + " of virtual server "
                + event.key().virtualServerName() + " - " + (up ? "UP" : "DOWN");
        String check = event.checker().map(AlertFormats::checkName).orElse("CHECK");
        String body;
        if (up) {
            body = "=> " + check + " succeed on service <=";
        } else {
            String why = event.checker().map(AlertFormats::failure).orElse(event.reason());
            body = "=> " + check + " failed on service" + (why.isEmpty() ? "" : " : " + why) + " <=";
        }
        return Optional.of(new Alert(subject, body, event.health().since()));
    }

    /**
     * @param routerId router_id of global_defs
     * @param stuck the loop the watchdog found stuck
     * @param restarted whether its subsystem restarted
     * @return the alert, for example {@code [lb1] Watchdog - vrrp restarted}
     */
    static Alert watchdog(String routerId, StuckLoop stuck, boolean restarted) {
        String subject = "[" + routerId + "] Watchdog - " + stuck.subsystem() + (restarted ? " restarted" : " NOT restarted");
        String body = "=> " + stuck.describe() + (restarted ? "; restarted on a fresh loop" : "; the restart failed, see the log")
                + " <=";
        return new Alert(subject, body, stuck.at());
    }

    private static String groupBody(String state) {
        return "=> All VRRP group instances are " + state + " <=";
    }

    /** keepalived names its X_CHECK checkers "X CHECK" in mail, and the HTTP ones just "CHECK". */
    private static String checkName(CheckerState checker) {
        return checker.keyword().endsWith("_CHECK") ? checker.keyword().replace('_', ' ') : "CHECK";
    }

    private static String failure(CheckerState checker) {
        return checker.detail().isEmpty()
                ? checker.lastFailure().map(CheckFailure::reason).orElse("")
                : checker.detail();
    }
}
