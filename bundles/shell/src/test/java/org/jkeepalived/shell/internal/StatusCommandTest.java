package org.jkeepalived.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.jkeepalived.checker.registry.api.CheckerRegistration;
import org.jkeepalived.lvs.api.RealServerStatus;
import org.jkeepalived.lvs.api.VirtualServerStatus;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpState;
import org.junit.jupiter.api.Test;

class StatusCommandTest {

    @Test
    void uptimeCountsDaysThenAClock() {
        assertThat(StatusCommand.uptime(Duration.ofSeconds(59))).isEqualTo("00:00:59");
        assertThat(StatusCommand.uptime(Duration.ofHours(25).plusMinutes(2).plusSeconds(3))).isEqualTo("1 d 01:02:03");
    }

    @Test
    void vrrpInstancesAreCountedByState() {
        assertThat(StatusCommand.vrrp(List.of(instance("VI_1", VrrpState.BACKUP), instance("VI_2", VrrpState.MASTER),
                instance("VI_3", VrrpState.MASTER)))).isEqualTo("3 instances: 1 BACKUP, 2 MASTER");
        assertThat(StatusCommand.vrrp(List.of(instance("VI_1", VrrpState.FAULT)))).isEqualTo("1 instance: 1 FAULT");
        assertThat(StatusCommand.vrrp(List.of())).isEqualTo("0 instances");
    }

    @Test
    void virtualServersCountQuorumRealServersUpAndSorryServersInUse() {
        VirtualServerStatus web = server("[192.0.2.1]:tcp:80", true, false, real(true), real(false), real(true));
        VirtualServerStatus dns = server("FWM 5", false, true, real(false));

        assertThat(StatusCommand.virtualServers(List.of(web, dns)))
                .isEqualTo("2 virtual servers, 1 with quorum; real servers 2/4 up; 1 sorry server in use");
        assertThat(StatusCommand.virtualServers(List.of(web))).isEqualTo("1 virtual server, 1 with quorum; real servers 2/3 up");
    }

    @Test
    void checkerPluginsAreCountedByBundleAndKeywordsOnce() {
        List<CheckerRegistration> registrations = List.of(registration("HTTP_GET", 10), registration("SSL_GET", 10),
                registration("TCP_CHECK", 11), registration("TCP_CHECK", 12));

        assertThat(StatusCommand.checkers(registrations)).isEqualTo("3 plugins serving 3 keywords");
    }

    private static VrrpInstanceStatus instance(String name, VrrpState state) {
        return new VrrpInstanceStatus(name, state, 51, 2, Optional.of("eth0"), 100, "192.0.2.1", List.of(), 0, 0, 0, 0, 0, 0,
                Map.of(), 100, Instant.EPOCH, List.of());
    }

    private static VirtualServerStatus server(String name, boolean quorumUp, boolean sorryInUse, RealServerStatus... reals) {
        return new VirtualServerStatus(name, "tcp", "rr", "NAT", quorumUp, 1, 1, 0, Optional.of("192.0.2.99:80"), sorryInUse,
                List.of(reals));
    }

    private static RealServerStatus real(boolean up) {
        return new RealServerStatus("10.0.0.1:80", 1, up ? OptionalInt.of(1) : OptionalInt.empty(), up, List.of());
    }

    private static CheckerRegistration registration(String keyword, long bundleId) {
        return new CheckerRegistration(keyword, Set.of(), "org.jkeepalived.checker", "0.1.0", bundleId, bundleId * 100, 0);
    }
}
