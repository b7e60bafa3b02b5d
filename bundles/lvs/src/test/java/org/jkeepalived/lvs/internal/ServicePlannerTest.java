package org.jkeepalived.lvs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.lvs.RealServer;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.config.api.model.lvs.VirtualServerGroup;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.jkeepalived.ipvs.api.AddressFamily;
import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.Forwarding;
import org.jkeepalived.ipvs.api.IpProtocol;
import org.jkeepalived.ipvs.api.Persistence;
import org.jkeepalived.ipvs.api.Scheduler;
import org.jkeepalived.ipvs.api.SchedulerFlag;
import org.jkeepalived.ipvs.api.ServiceEntry;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.junit.jupiter.api.Test;

class ServicePlannerTest {

    private final Map<RealServerKey, RealServerHealth> health = new HashMap<>();

    @Test
    void upRealServersGoInWithTheWeightTheirCheckersGiveAndDownOnesStayOut() throws Exception {
        VirtualServer server = server("""
                virtual_server 192.0.2.10 80 {
                    lb_algo sh
                    sh-port
                    lb_kind DR
                    persistence_timeout 120
                    protocol TCP
                    real_server 10.0.0.1 8080 {
                        weight 3
                    }
                    real_server 10.0.0.2 8080 {
                        weight 2
                    }
                    real_server 10.0.0.3 8080 {
                    }
                }
                """);
        health(server, 0, true, 5);
        health(server, 1, false, 2);

        ServiceEntry entry = plan(server, true);

        assertThat(entry.key()).isEqualTo(new ServiceKey.Inet(IpProtocol.TCP, address("192.0.2.10"), 80));
        assertThat(entry.service().scheduler()).isEqualTo(Scheduler.SH);
        assertThat(entry.service().flags()).containsExactly(SchedulerFlag.PORT);
        assertThat(entry.service().persistence()).contains(Persistence.perClient(Duration.ofSeconds(120), AddressFamily.INET));
        // the third has not been told of yet: up, with its configured weight
        assertThat(entry.destinations()).extracting(d -> d.key().address().getHostAddress(), Destination::weight)
                .containsExactly(tuple("10.0.0.1", 5), tuple("10.0.0.3", 1));
        assertThat(entry.destinations()).allMatch(d -> d.forwarding().equals(Forwarding.DR));
        assertThat(ServicePlanner.liveWeight(server, this::health)).isEqualTo(6);
    }

    @Test
    void inhibitOnFailureKeepsADownRealServerAtWeightZeroAndAlphaStartsUnknownOnesDown() throws Exception {
        VirtualServer server = server("""
                virtual_server 192.0.2.10 80 {
                    alpha
                    inhibit_on_failure
                    protocol TCP
                    real_server 10.0.0.1 8080 {
                    }
                    real_server 10.0.0.2 8080 {
                    }
                }
                """);
        health(server, 0, false, 1);

        assertThat(plan(server, true).destinations()).extracting(Destination::weight).containsExactly(0, 0);
        assertThat(ServicePlanner.liveWeight(server, this::health)).isZero();
    }

    @Test
    void withoutQuorumTheSorryServerReplacesEveryRealServer() throws Exception {
        VirtualServer server = server("""
                virtual_server 192.0.2.10 80 {
                    quorum 2
                    protocol TCP
                    sorry_server 10.0.0.99 80
                    real_server 10.0.0.1 8080 {
                    }
                    real_server 10.0.0.2 8080 {
                    }
                }
                """);
        health(server, 0, true, 1);
        health(server, 1, false, 1);

        assertThat(plan(server, false).destinations()).extracting(d -> d.key().address().getHostAddress(), Destination::weight)
                .containsExactly(tuple("10.0.0.99", 1));
        assertThat(plan(server, true).destinations()).extracting(d -> d.key().address().getHostAddress())
                .containsExactly("10.0.0.1");
    }

    @Test
    void sorryServerInhibitKeepsItAtWeightZeroWhileThereIsQuorum() throws Exception {
        VirtualServer server = server("""
                virtual_server 192.0.2.10 80 {
                    protocol TCP
                    sorry_server 10.0.0.99 80
                    sorry_server_inhibit
                    real_server 10.0.0.1 8080 {
                    }
                }
                """);

        assertThat(plan(server, true).destinations()).extracting(d -> d.key().address().getHostAddress(), Destination::weight)
                .containsExactly(tuple("10.0.0.1", 1), tuple("10.0.0.99", 0));
    }

    @Test
    void quorumIsLostBelowQuorumMinusHysteresisAndGainedAtQuorumPlusHysteresis() throws Exception {
        VirtualServer server = server("""
                virtual_server 192.0.2.10 80 {
                    quorum 3
                    hysteresis 1
                    protocol TCP
                    real_server 10.0.0.1 8080 {
                        weight 2
                    }
                    real_server 10.0.0.2 8080 {
                        weight 2
                    }
                }
                """);

        assertThat(server.quorum()).isEqualTo(3);
        assertThat(Quorum.up(server, 2, true)).isTrue();
        assertThat(Quorum.up(server, 1, true)).isFalse();
        assertThat(Quorum.up(server, 3, false)).isFalse();
        assertThat(Quorum.up(server, 4, false)).isTrue();
    }

    @Test
    void aGroupGivesAServiceForEachAddressOfItsRangesAndEachMark() throws Exception {
        KeepalivedConfig config = config("""
                virtual_server_group web {
                    192.0.2.1-3 80
                    fwmark 7
                }
                virtual_server group web {
                    protocol TCP
                    real_server 10.0.0.1 80 {
                    }
                }
                """);
        Map<String, VirtualServerGroup> groups = Map.of("web", config.virtualServerGroups().get(0));

        assertThat(ServiceKeys.of(config.virtualServers().get(0), groups)).containsExactly(
                new ServiceKey.Inet(IpProtocol.TCP, address("192.0.2.1"), 80),
                new ServiceKey.Inet(IpProtocol.TCP, address("192.0.2.2"), 80),
                new ServiceKey.Inet(IpProtocol.TCP, address("192.0.2.3"), 80),
                new ServiceKey.Fwmark(7, AddressFamily.INET));
        assertThatThrownBy(() -> ServiceKeys.of(config.virtualServers().get(0), Map.of()))
                .hasMessageContaining("no virtual_server_group web");
    }

    private ServiceEntry plan(VirtualServer server, boolean quorumUp) {
        List<ServiceEntry> entries = ServicePlanner.plan(server, ServiceKeys.of(server, Map.of()), this::health, quorumUp);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private Optional<RealServerHealth> health(RealServerKey key) {
        return Optional.ofNullable(health.get(key));
    }

    private void health(VirtualServer server, int index, boolean up, int weight) {
        RealServer real = server.realServers().get(index);
        RealServerKey key = RealServerKey.of(server, real);
        health.put(key, new RealServerHealth(key, up, weight, real.weight(), Instant.now(), List.of()));
    }

    private static VirtualServer server(String text) {
        return config(text).virtualServers().get(0);
    }

    private static KeepalivedConfig config(String text) {
        ConfigResult result = ConfigReader.builder().configId("test").hostName("test").build().read("keepalived.conf", text);
        assertThat(result.hasErrors()).as(result.summary()).isFalse();
        return result.config().orElseThrow();
    }

    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }
}
