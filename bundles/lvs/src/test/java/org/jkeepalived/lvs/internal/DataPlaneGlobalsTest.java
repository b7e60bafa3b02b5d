package org.jkeepalived.lvs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;

import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.ipvs.api.IpProtocol;
import org.jkeepalived.ipvs.api.Scheduler;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.ServiceStatus;
import org.jkeepalived.ipvs.api.Timeouts;
import org.jkeepalived.ipvs.api.VirtualService;
import org.jkeepalived.ipvs.internal.userspace.UserspaceDataPlane;
import org.junit.jupiter.api.Test;

/** lvs_flush and lvs_timeouts on the userspace data plane, listening on loopback. */
class DataPlaneGlobalsTest {

    private static final String VIRTUAL_SERVER = """
            virtual_server 127.0.0.1 18093 {
                protocol TCP
                real_server 127.0.0.1 18094 {
                    weight 1
                }
            }
            """;

    @Test
    void lvsFlushEmptiesTheDataPlaneOnceBeforeTheFirstConfigurationGoesIn() throws Exception {
        try (UserspaceDataPlane plane = new UserspaceDataPlane(Executors.defaultThreadFactory(), 1)) {
            plane.newService(VirtualService.of(service(18091), Scheduler.RR));
            VirtualServers servers = new VirtualServers(plane);
            KeepalivedConfig config = read("global_defs {\n    lvs_flush\n}\n" + VIRTUAL_SERVER);

            servers.configApplied(new ConfigUpdate(Optional.empty(), config, 1));
            servers.virtualServers(); // runs after the change, on the same thread

            assertThat(plane.services()).extracting(ServiceStatus::service).extracting(VirtualService::key)
                    .containsExactly(service(18093));

            // only at start: a service added later by someone else stays through the next configuration
            plane.newService(VirtualService.of(service(18092), Scheduler.RR));
            servers.configApplied(new ConfigUpdate(Optional.of(config), config, 2));
            servers.virtualServers();
            assertThat(plane.services()).extracting(ServiceStatus::service).extracting(VirtualService::key)
                    .containsExactlyInAnyOrder(service(18092), service(18093));
            servers.stop();
        }
    }

    @Test
    void lvsTimeoutsSetTheGivenOnesAndKeepTheOthers() throws Exception {
        try (UserspaceDataPlane plane = new UserspaceDataPlane(Executors.defaultThreadFactory(), 1)) {
            Timeouts before = plane.timeouts();
            VirtualServers servers = new VirtualServers(plane);

            servers.configApplied(new ConfigUpdate(Optional.empty(),
                    read("global_defs {\n    lvs_timeouts tcp 600 udp 60\n}\n" + VIRTUAL_SERVER), 1));
            servers.virtualServers();

            assertThat(plane.timeouts()).isEqualTo(new Timeouts(Duration.ofSeconds(600), before.tcpFin(), Duration.ofSeconds(60)));
            servers.stop();
        }
    }

    private static ServiceKey service(int port) {
        return new ServiceKey.Inet(IpProtocol.TCP, InetAddress.getLoopbackAddress(), port);
    }

    private static KeepalivedConfig read(String text) {
        ConfigResult result = ConfigReader.builder().configId("test").hostName("test").build().read("keepalived.conf", text);
        assertThat(result.hasErrors()).as(result.summary()).isFalse();
        return result.config().orElseThrow();
    }
}
