package org.jkeepalived.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;

import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.model.lvs.Protocol;
import org.jkeepalived.config.api.model.lvs.VirtualServerAddress;
import org.jkeepalived.healthcheck.api.CheckStatistics;
import org.jkeepalived.healthcheck.api.CheckerDetail;
import org.jkeepalived.healthcheck.api.CheckerState;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.jkeepalived.lvs.api.RealServerStatus;
import org.jkeepalived.lvs.api.VirtualServerStatus;
import org.jkeepalived.vrrp.api.DropReason;
import org.jkeepalived.vrrp.api.TrackedStatus;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpState;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final String VI_1 = "{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"}";
    private static final String RS = "{virtual_server=\"[192.0.2.1]:tcp:80\",real_server=\"192.0.2.10:80\"}";

    @Test
    void everyFamilyIsWellFormedExpositionWithTheReadingsValues() {
        Exposition metrics = new Exposition(PrometheusFormat.write(MetricFamilies.of(reading(VrrpState.MASTER, true))));

        assertThat(metrics.types).containsEntry("keepalived_vrrp_state", "gauge")
                .containsEntry("keepalived_advertisements_sent_total", "counter");
        assertThat(metrics.value("keepalived_vrrp_state" + VI_1)).isEqualTo(2);
        assertThat(metrics.value("keepalived_vrrp_priority" + VI_1)).isEqualTo(100);
        assertThat(metrics.value("keepalived_vrrp_effective_priority" + VI_1)).isEqualTo(80);
        assertThat(metrics.value("keepalived_advertisements_sent_total" + VI_1)).isEqualTo(40);
        assertThat(metrics.value("keepalived_advertisements_received_total" + VI_1)).isEqualTo(30);
        assertThat(metrics.value("keepalived_become_master_total" + VI_1)).isEqualTo(3);
        assertThat(metrics.value("keepalived_release_master_total" + VI_1)).isEqualTo(2);
        assertThat(metrics.value("keepalived_vrrp_dropped_packets_total{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\",reason=\"ttl\"}"))
                .isEqualTo(6);
        // reasons never seen are there as 0
        assertThat(metrics.value("keepalived_vrrp_dropped_packets_total{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\",reason=\"checksum\"}"))
                .isZero();
        assertThat(metrics.value("keepalived_vrrp_tracked_up{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\",kind=\"script\",name=\"chk\"}"))
                .isZero();
        assertThat(metrics.value("keepalived_vrrp_tracked_up{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\",kind=\"process\",name=\"haproxy\"}"))
                .isEqualTo(1);
        assertThat(metrics.value("keepalived_vrrp_sync_group_state{group=\"G1\"}")).isEqualTo(2);
        assertThat(metrics.value("keepalived_real_server_up" + RS)).isEqualTo(1);
        assertThat(metrics.value("keepalived_real_server_weight" + RS)).isEqualTo(3);
        assertThat(metrics.value("keepalived_virtual_server_quorum_up{virtual_server=\"[192.0.2.1]:tcp:80\"}")).isEqualTo(1);
        String checker = "{virtual_server=\"[192.0.2.1]:tcp:80\",real_server=\"192.0.2.10:80\",checker=\"TCP_CHECK\","
                + "location=\"keepalived.conf:12\"}";
        assertThat(metrics.value("keepalived_checker_up" + checker)).isEqualTo(1);
        assertThat(metrics.value("keepalived_checker_probes_total" + checker)).isEqualTo(9);
        assertThat(metrics.value("keepalived_checker_probe_failures_total" + checker)).isEqualTo(1);
        assertThat(metrics.value("keepalived_checker_probe_seconds_total" + checker)).isEqualTo(0.09);
        assertThat(metrics.value("keepalived_checker_last_probe_duration_seconds" + checker)).isEqualTo(0.012);
        assertThat(metrics.value("keepalived_checkers{state=\"up\"}")).isEqualTo(1);
        assertThat(metrics.value("keepalived_checker_start_lateness_seconds{quantile=\"0.99\"}")).isEqualTo(0.004);
    }

    @Test
    void aFailedRealServerAndAFaultShowInTheNextScrape() {
        Exposition before = new Exposition(PrometheusFormat.write(MetricFamilies.of(reading(VrrpState.MASTER, true))));
        Exposition after = new Exposition(PrometheusFormat.write(MetricFamilies.of(reading(VrrpState.FAULT, false))));

        assertThat(before.value("keepalived_vrrp_state" + VI_1)).isEqualTo(2);
        assertThat(after.value("keepalived_vrrp_state" + VI_1)).isEqualTo(3);
        assertThat(after.value("keepalived_real_server_up" + RS)).isZero();
        assertThat(after.value("keepalived_real_server_weight" + RS)).isZero();
        assertThat(after.value("keepalived_checkers{state=\"down\"}")).isEqualTo(1);
    }

    @Test
    void labelValuesAreEscaped() {
        MetricFamily family = new MetricFamily("x", "a \\ help\nline", MetricFamily.Type.GAUGE, List.of(new MetricFamily.Sample(
                List.of(new MetricFamily.Label("l", "a\"b\\c\nd")), 1.5)));

        assertThat(PrometheusFormat.write(List.of(family)))
                .isEqualTo("# HELP x a \\\\ help\\nline\n# TYPE x gauge\nx{l=\"a\\\"b\\\\c\\nd\"} 1.5\n");
    }

    @Test
    void theEndpointServesTheTextFormatAtMetricsOnly() throws Exception {
        AtomicReference<String> text = new AtomicReference<>("# TYPE up gauge\nup 1\n");
        try (MetricsHttpServer server = MetricsHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                text::get)) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI base = URI.create("http://127.0.0.1:" + server.address().getPort());

            HttpResponse<String> scrape = client.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(scrape.body()).isEqualTo("# TYPE up gauge\nup 1\n");

            text.set("# TYPE up gauge\nup 0\n");
            assertThat(client.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).endsWith("up 0\n");
            assertThat(client.send(HttpRequest.newBuilder(base.resolve("/")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            assertThat(client.send(HttpRequest.newBuilder(base.resolve("/metrics")).POST(HttpRequest.BodyPublishers.ofString("x"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
        }
    }

    @Test
    void anAddressInUseIsRefusedSayingWhere() throws Exception {
        try (MetricsHttpServer first = MetricsHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                () -> "")) {
            InetSocketAddress taken = first.address();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> MetricsHttpServer.start(taken, () -> ""))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(taken.toString());
        }
    }

    @Test
    void addressesAreHostAndPort() {
        assertThat(MetricsComponent.parse("127.0.0.1:9650")).isEqualTo(new InetSocketAddress("127.0.0.1", 9650));
        assertThat(MetricsComponent.parse("[::1]:9650").getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MetricsComponent.parse("9650"))
                .hasMessageContaining("not host:port");
    }

    @Test
    void theMxBeansFollowTheReadings() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        try (JmxBeans beans = new JmxBeans(server)) {
            update(beans, reading(VrrpState.MASTER, true));
            ObjectName instance = new ObjectName("org.jkeepalived:type=VrrpInstance,name=\"VI_1\"");
            ObjectName real = new ObjectName("org.jkeepalived:type=RealServer,virtualServer=\"[192.0.2.1]:tcp:80\","
                    + "name=\"192.0.2.10:80\"");

            assertThat(server.getAttribute(instance, "State")).isEqualTo("MASTER");
            assertThat(server.getAttribute(instance, "EffectivePriority")).isEqualTo(80);
            assertThat(server.getAttribute(instance, "AdvertisementsSent")).isEqualTo(40L);
            assertThat(((TabularData) server.getAttribute(instance, "DroppedPackets")).get(new Object[] {"ttl"}).get("value"))
                    .isEqualTo(6L);
            assertThat(server.getAttribute(real, "Up")).isEqualTo(true);
            assertThat(server.getAttribute(real, "Weight")).isEqualTo(3);

            update(beans, reading(VrrpState.FAULT, false));
            assertThat(server.getAttribute(instance, "State")).isEqualTo("FAULT");
            assertThat(server.getAttribute(real, "Up")).isEqualTo(false);

            beans.update(List.of(), List.of());
            assertThat(server.queryNames(new ObjectName("org.jkeepalived:*"), null)).isEmpty();

            update(beans, reading(VrrpState.MASTER, true));
            assertThat(server.queryNames(new ObjectName("org.jkeepalived:*"), null)).hasSize(2);
            beans.close();
            update(beans, reading(VrrpState.MASTER, true));
            assertThat(server.queryNames(new ObjectName("org.jkeepalived:*"), null)).isEmpty();
        }
    }

    private static void update(JmxBeans beans, Reading reading) {
        beans.update(reading.instances(), reading.virtualServers());
    }

    /** One VRRP instance, one sync group, one virtual server with one real server and its TCP_CHECK. */
    private static Reading reading(VrrpState state, boolean realServerUp) {
        VrrpInstanceStatus instance = new VrrpInstanceStatus("VI_1", state, 51, 2, Optional.of("eth0"), 100, "192.0.2.2",
                List.of("192.0.2.100/24 dev eth0"), 40, 30, 3, 2, 1, 0, Map.of(DropReason.TTL, 6L), 80,
                Instant.ofEpochSecond(1_800_000_000L),
                List.of(new TrackedStatus(TrackedStatus.Kind.SCRIPT, "chk", -20, false, false, OptionalLong.empty()),
                        new TrackedStatus(TrackedStatus.Kind.PROCESS, "haproxy", 0, false, true, OptionalLong.empty())));
        VirtualServerStatus virtualServer = new VirtualServerStatus("[192.0.2.1]:tcp:80", "tcp", "rr", "NAT", true,
                realServerUp ? 3 : 0, 1, 0, Optional.empty(), false, List.of(new RealServerStatus("192.0.2.10:80", 3,
                        realServerUp ? OptionalInt.of(3) : OptionalInt.empty(), realServerUp,
                        List.of("TCP_CHECK " + (realServerUp ? "up" : "down")))));
        RealServerKey key = new RealServerKey(new VirtualServerAddress.Ip(address("192.0.2.1"), 80), Optional.of(Protocol.TCP),
                address("192.0.2.10"), 80);
        CheckerState checker = new CheckerState("TCP_CHECK", ConfigLocation.of("keepalived.conf", 12, 5), realServerUp,
                true, Instant.EPOCH, realServerUp ? "" : "connection refused", Optional.empty());
        RealServerHealth health = new RealServerHealth(key, realServerUp, 3, 3, Instant.EPOCH, List.of(checker));
        CheckerDetail detail = new CheckerDetail(checker, "[192.0.2.10]:80", Optional.of("checker-tcp"), Duration.ofSeconds(6),
                1, Duration.ofSeconds(1), 0, 9, 1, Optional.empty(), Optional.empty(), Optional.of(Duration.ofMillis(12)),
                Duration.ofMillis(90));
        return new Reading(List.of(instance), Map.of("G1", state), List.of(virtualServer), List.of(health),
                Map.of(key, List.of(detail)), Optional.of(new CheckStatistics(1, 1, 9, Duration.ofMillis(1),
                        Duration.ofMillis(4), Duration.ofMillis(7))));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
