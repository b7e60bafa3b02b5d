package org.jkeepalived.smtpalert.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.smtpalert.internal.Events.AT;
import static org.jkeepalived.smtpalert.internal.Events.group;
import static org.jkeepalived.smtpalert.internal.Events.health;
import static org.jkeepalived.smtpalert.internal.Events.instance;
import static org.jkeepalived.smtpalert.internal.Events.tcp;

import java.util.Optional;

import org.jkeepalived.healthcheck.api.HealthEvent;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.jkeepalived.vrrp.api.VrrpState;
import org.junit.jupiter.api.Test;

/** The subjects and bodies are keepalived's, word for word. */
class AlertFormatsTest {

    @Test
    void anInstanceEnteringEachStateIsMailedAsKeepalivedMailsIt() {
        assertThat(AlertFormats.vrrp("lb1", instance("VI_1", VrrpState.BACKUP, VrrpState.MASTER))).contains(new Alert(
                "[lb1] VRRP Instance VI_1 - Entering MASTER state", "=> VRRP Instance is now owning VRRP VIPs <=", AT));
        assertThat(AlertFormats.vrrp("lb1", instance("VI_1", VrrpState.MASTER, VrrpState.BACKUP))).contains(new Alert(
                "[lb1] VRRP Instance VI_1 - Entering BACKUP state", "=> VRRP Instance is no longer owning VRRP VIPs <=", AT));
        assertThat(AlertFormats.vrrp("lb1", instance("VI_1", VrrpState.MASTER, VrrpState.FAULT))).contains(new Alert(
                "[lb1] VRRP Instance VI_1 - Entering FAULT state", "=> VRRP Instance is no longer owning VRRP VIPs <=", AT));
        assertThat(AlertFormats.vrrp("lb1", instance("VI_1", VrrpState.MASTER, VrrpState.INITIALIZE)))
                .contains(new Alert("[lb1] VRRP Instance VI_1 - Stopping", "=> VRRP Instance stopping <=", AT));
    }

    @Test
    void aSyncGroupIsMailedAsAGroup() {
        assertThat(AlertFormats.vrrp("lb1", group("G1", VrrpState.BACKUP, VrrpState.MASTER))).contains(new Alert(
                "[lb1] VRRP Group G1 - Entering MASTER state", "=> All VRRP group instances are now in MASTER state <=", AT));
        assertThat(AlertFormats.vrrp("lb1", group("G1", VrrpState.MASTER, VrrpState.BACKUP))).contains(new Alert(
                "[lb1] VRRP Group G1 - Entering BACKUP state", "=> All VRRP group instances are now in BACKUP state <=", AT));
        assertThat(AlertFormats.vrrp("lb1", group("G1", VrrpState.BACKUP, VrrpState.FAULT))).contains(new Alert(
                "[lb1] VRRP Group G1 - Entering FAULT state", "=> All VRRP group instances are now in FAULT state <=", AT));
        assertThat(AlertFormats.vrrp("lb1", group("G1", VrrpState.BACKUP, VrrpState.INITIALIZE))).contains(new Alert(
                "[lb1] VRRP Group G1 - Stopping", "=> All VRRP group instances are now stopping <=", AT));
    }

    @Test
    void aRealServerGoingDownNamesItsCheckAndWhy() {
        RealServerKey key = tcp("10.0.0.1", 80, "10.0.0.2", 8080);

        assertThat(AlertFormats.realServer("lb1", health(key, HealthEvent.Kind.DOWN, "TCP_CHECK", "connection refused")))
                .contains(new Alert("[lb1] Realserver [10.0.0.2]:tcp:8080 of virtual server [10.0.0.1]:tcp:80 - DOWN",
                        "=> TCP CHECK failed on service : connection refused <=", AT));
        assertThat(AlertFormats.realServer("lb1", health(key, HealthEvent.Kind.DOWN, "HTTP_GET", "HTTP status code 503")))
                .map(Alert::body).contains("=> CHECK failed on service : HTTP status code 503 <=");
    }

    @Test
    void aRealServerComingBackUpIsMailedAsSucceeded() {
        RealServerKey key = tcp("2001:db8::1", 443, "2001:db8::2", 443);

        assertThat(AlertFormats.realServer("lb1", health(key, HealthEvent.Kind.UP, "MISC_CHECK", "")))
                .contains(new Alert("[lb1] Realserver [2001:db8::2]:tcp:443 of virtual server [2001:db8::1]:tcp:443 - UP",
                        "=> MISC CHECK succeed on service <=", AT));
    }

    @Test
    void changesThatAreNotUpOrDownAreNotMailed() {
        RealServerKey key = tcp("10.0.0.1", 80, "10.0.0.2", 80);

        for (HealthEvent.Kind kind : new HealthEvent.Kind[] {HealthEvent.Kind.ADDED, HealthEvent.Kind.WEIGHT,
                HealthEvent.Kind.REMOVED}) {
            assertThat(AlertFormats.realServer("lb1", health(key, kind, "TCP_CHECK", ""))).as(kind.name()).isEqualTo(Optional.empty());
        }
        assertThat(AlertFormats.vrrp("lb1", instance("VI_1", VrrpState.INITIALIZE, VrrpState.INITIALIZE))).isEmpty();
    }
}
