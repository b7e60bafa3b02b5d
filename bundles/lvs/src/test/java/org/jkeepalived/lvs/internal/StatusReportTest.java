package org.jkeepalived.lvs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.lvs.RealServer;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.healthcheck.api.CheckFailure;
import org.jkeepalived.healthcheck.api.CheckerState;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.IpProtocol;
import org.jkeepalived.ipvs.api.Scheduler;
import org.jkeepalived.ipvs.api.ServiceEntry;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.VirtualService;
import org.jkeepalived.lvs.api.RealServerStatus;
import org.jkeepalived.lvs.api.VirtualServerStatus;
import org.junit.jupiter.api.Test;

class StatusReportTest {

    private static final VirtualServer SERVER = server("""
            virtual_server 192.0.2.10 80 {
                lb_algo wrr
                lb_kind NAT
                protocol TCP
                quorum 4
                hysteresis 1
                sorry_server 192.0.2.99 8080
                real_server 10.0.0.1 8080 {
                    weight 3
                    TCP_CHECK {
                    }
                }
                real_server 10.0.0.2 8080 {
                    weight 2
                    TCP_CHECK {
                    }
                    HTTP_GET {
                        url {
                            path /
                        }
                    }
                }
                real_server 2001:db8::3 8080 {
                }
            }
            """);

    private final Map<RealServerKey, RealServerHealth> health = new HashMap<>();

    @Test
    void tellsTheConfigurationTheHealthAndTheWeightsInTheDataPlane() throws Exception {
        health(0, true, 5, checker("TCP_CHECK", true, true, ""));
        health(1, false, 2, checker("TCP_CHECK", false, true, "connection refused"),
                checker("HTTP_GET", true, false, "checker HTTP_GET not loaded"));
        ServiceEntry plane = new ServiceEntry(VirtualService.of(new ServiceKey.Inet(IpProtocol.TCP, address("192.0.2.10"), 80),
                Scheduler.WRR), List.of(Destination.of(new DestinationKey(address("10.0.0.1"), 8080), 5),
                        Destination.of(new DestinationKey(address("2001:db8::3"), 8080), 1)));

        VirtualServerStatus status = StatusReport.of(SERVER, Optional.of(plane), this::health, true);

        assertThat(status.name()).isEqualTo("[192.0.2.10]:tcp:80");
        assertThat(status.protocol()).isEqualTo("tcp");
        assertThat(status.scheduler()).isEqualTo("wrr");
        assertThat(status.method()).isEqualTo("NAT");
        assertThat(status.quorumUp()).isTrue();
        assertThat(status.quorum()).isEqualTo(4);
        assertThat(status.hysteresis()).isEqualTo(1);
        // 5 from the first, which its checker set; 1 from the third, which has no checker
        assertThat(status.liveWeight()).isEqualTo(6);
        assertThat(status.sorryServer()).contains("192.0.2.99:8080");
        assertThat(status.sorryServerInUse()).isFalse();
        assertThat(status.realServersUp()).isEqualTo(2);
        assertThat(status.realServers()).containsExactly(
                new RealServerStatus("10.0.0.1:8080", 3, OptionalInt.of(5), true, List.of("TCP_CHECK up")),
                new RealServerStatus("10.0.0.2:8080", 2, OptionalInt.empty(), false,
                        List.of("TCP_CHECK down", "HTTP_GET up (checker HTTP_GET not loaded)")),
                new RealServerStatus("[2001:db8::3]:8080", 1, OptionalInt.of(1), true, List.of()));
    }

    @Test
    void withoutQuorumTheSorryServerIsInUseAndRealServersAreNotInTheDataPlane() {
        health(0, false, 3, checker("TCP_CHECK", false, true, "timeout"));
        health(1, false, 2, checker("TCP_CHECK", false, true, "timeout"));

        VirtualServerStatus status = StatusReport.of(SERVER, Optional.empty(), this::health, false);

        assertThat(status.quorumUp()).isFalse();
        assertThat(status.sorryServerInUse()).isTrue();
        assertThat(status.liveWeight()).isEqualTo(1);
        assertThat(status.realServers()).allMatch(real -> real.dataPlaneWeight().isEmpty());
    }

    @Test
    void realServersNotYetToldOfShowTheirCheckersAsNotYetChecked() {
        VirtualServerStatus status = StatusReport.of(SERVER, Optional.empty(), this::health, true);

        assertThat(status.realServers()).extracting(RealServerStatus::checkers).containsExactly(
                List.of("TCP_CHECK not yet checked"), List.of("TCP_CHECK not yet checked", "HTTP_GET not yet checked"), List.of());
        assertThat(status.realServers()).allMatch(RealServerStatus::up);
    }

    private Optional<RealServerHealth> health(RealServerKey key) {
        return Optional.ofNullable(health.get(key));
    }

    private void health(int index, boolean up, int weight, CheckerState... checkers) {
        RealServer real = SERVER.realServers().get(index);
        RealServerKey key = RealServerKey.of(SERVER, real);
        health.put(key, new RealServerHealth(key, up, weight, real.weight(), Instant.now(), List.of(checkers)));
    }

    private static CheckerState checker(String keyword, boolean up, boolean running, String detail) {
        Optional<CheckFailure> failure = Optional.empty();
        return new CheckerState(keyword, ConfigLocation.of("keepalived.conf", 8, 9), up, running, Instant.now(), detail, failure);
    }

    private static VirtualServer server(String text) {
        ConfigResult result = ConfigReader.builder().configId("test").hostName("test").build().read("keepalived.conf", text);
        assertThat(result.hasErrors()).as(result.summary()).isFalse();
        return result.config().orElseThrow().virtualServers().get(0);
    }

    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }
}
