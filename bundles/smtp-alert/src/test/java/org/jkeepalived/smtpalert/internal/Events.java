package org.jkeepalived.smtpalert.internal;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.lvs.Protocol;
import org.jkeepalived.config.api.model.lvs.VirtualServerAddress;
import org.jkeepalived.healthcheck.api.CheckFailure;
import org.jkeepalived.healthcheck.api.CheckerState;
import org.jkeepalived.healthcheck.api.HealthEvent;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.api.VrrpTransition;

/** Configurations and events as the config, VRRP and health bundles make them. */
final class Events {

    static final Instant AT = Instant.parse("2026-03-01T12:34:56Z");

    private Events() {
    }

    static KeepalivedConfig config(String text) {
        ConfigResult result = ConfigReader.builder().hostName("lb1.example.com").build().read("keepalived.conf", text);
        if (result.hasErrors() || result.config().isEmpty()) {
            throw new AssertionError("the test configuration does not bind: " + result.diagnostics());
        }
        return result.config().get();
    }

    static ConfigUpdate update(KeepalivedConfig config, long generation) {
        return new ConfigUpdate(Optional.empty(), config, generation);
    }

    static VrrpTransition instance(String name, VrrpState previous, VrrpState current) {
        return new VrrpTransition(VrrpTransition.Scope.INSTANCE, name, previous, current, 100, AT);
    }

    static VrrpTransition group(String name, VrrpState previous, VrrpState current) {
        return new VrrpTransition(VrrpTransition.Scope.SYNC_GROUP, name, previous, current, 0, AT);
    }

    static RealServerKey tcp(String virtualAddress, int virtualPort, String realAddress, int realPort) {
        return new RealServerKey(new VirtualServerAddress.Ip(address(virtualAddress), virtualPort), Optional.of(Protocol.TCP),
                address(realAddress), realPort);
    }

    /** A real server going down because its one checker failed, or coming back up. */
    static HealthEvent health(RealServerKey key, HealthEvent.Kind kind, String keyword, String detail) {
        boolean up = kind != HealthEvent.Kind.DOWN;
        CheckerState checker = new CheckerState(keyword, ConfigLocation.of("keepalived.conf", 12, 9), up, true, AT,
                up ? "" : detail, up ? Optional.empty() : Optional.of(new CheckFailure(detail, AT)));
        RealServerHealth health = new RealServerHealth(key, up, up ? 1 : 0, 1, AT, List.of(checker));
        return new HealthEvent(kind, health, keyword + " keepalived.conf:12 " + (up ? "succeeded" : "failed: " + detail),
                Optional.of(checker));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
