package org.jkeepalived.ipvs.internal.userspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jkeepalived.ipvs.internal.userspace.LoadBalancerLab.echoServer;
import static org.jkeepalived.ipvs.internal.userspace.LoadBalancerLab.exchange;
import static org.jkeepalived.ipvs.internal.userspace.LoadBalancerLab.text;
import static org.jkeepalived.ipvs.internal.userspace.LoadBalancerLab.udp;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jkeepalived.ipvs.api.Counters;
import org.jkeepalived.ipvs.api.DataPlaneException;
import org.jkeepalived.ipvs.api.DestinationStatus;
import org.jkeepalived.ipvs.api.Scheduler;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.Timeouts;
import org.jkeepalived.ipvs.api.VirtualService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Datagrams from a client namespace through the userspace forwarder to three UDP echo servers. */
class UdpForwardingTest {

    private static final Duration UDP_TIMEOUT = Duration.ofSeconds(1);
    private static LoadBalancerLab lab;
    private static int nextPort = 5300;

    @BeforeAll
    static void startLab() throws Exception {
        lab = new LoadBalancerLab();
        lab.plane.setTimeouts(Timeouts.DEFAULTS.withUdp(UDP_TIMEOUT));
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    private static ServiceKey service(VirtualService service) throws DataPlaneException {
        lab.plane.newService(service);
        for (int server = 1; server <= LoadBalancerLab.SERVERS; server++) {
            lab.plane.newDestination(service.key(), echoServer(server, 1));
        }
        return service.key();
    }

    private static int port(ServiceKey key) {
        return ((ServiceKey.Inet) key).port();
    }

    private DatagramSocket socket() throws Exception {
        return lab.inClient(() -> {
            DatagramSocket socket = new DatagramSocket(new InetSocketAddress("192.0.2.2", 0));
            socket.setSoTimeout(5_000);
            return socket;
        });
    }

    @Test
    void datagramsGoBothWaysAndAnswersComeFromTheVirtualAddress() throws Exception {
        ServiceKey key = service(VirtualService.of(udp(nextPort++), Scheduler.RR));
        try (DatagramSocket socket = socket()) {
            DatagramPacket answer = exchange(socket, port(key), "hello");

            assertThat(text(answer)).isEqualTo("rs3:hello");
            assertThat(answer.getSocketAddress()).isEqualTo(new InetSocketAddress(LoadBalancerLab.VIP, port(key)));
        }
    }

    @Test
    void eachClientKeepsItsFlowAndANewClientGetsTheNextServer() throws Exception {
        ServiceKey key = service(VirtualService.of(udp(nextPort++), Scheduler.RR));
        try (DatagramSocket first = socket(); DatagramSocket second = socket()) {
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(text(exchange(first, port(key), "a" + i)));
                answers.add(text(exchange(second, port(key), "b" + i)));
            }
            assertThat(answers).containsExactly("rs3:a0", "rs2:b0", "rs3:a1", "rs2:b1", "rs3:a2", "rs2:b2");
            assertThat(lab.plane.destinations(key)).extracting(DestinationStatus::inactiveConnections).containsExactly(1, 1, 0);
        }
    }

    @Test
    void aFlowExpiresAfterTheUdpTimeoutWithoutTraffic() throws Exception {
        ServiceKey key = service(VirtualService.of(udp(nextPort++), Scheduler.RR));
        try (DatagramSocket socket = socket()) {
            assertThat(text(exchange(socket, port(key), "x"))).startsWith("rs3:");
            long start = System.nanoTime();

            // still there well before the timeout
            Thread.sleep(UDP_TIMEOUT.toMillis() / 4);
            assertThat(flows(key)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> flows(key) == 0);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(UDP_TIMEOUT);

            // the same client is a new flow now: the next server in turn
            assertThat(text(exchange(socket, port(key), "y"))).isEqualTo("rs2:y");
        }
    }

    @Test
    void trafficKeepsAFlowAliveBeyondTheTimeout() throws Exception {
        ServiceKey key = service(VirtualService.of(udp(nextPort++), Scheduler.RR));
        try (DatagramSocket socket = socket()) {
            long end = System.nanoTime() + UDP_TIMEOUT.multipliedBy(2).toNanos();
            while (System.nanoTime() < end) {
                assertThat(text(exchange(socket, port(key), "z"))).isEqualTo("rs3:z");
                Thread.sleep(UDP_TIMEOUT.toMillis() / 5);
            }
        }
    }

    @Test
    void onePacketSchedulingSchedulesEachDatagram() throws Exception {
        ServiceKey key = service(VirtualService.of(udp(nextPort++), Scheduler.RR).withOnePacket(true));
        try (DatagramSocket socket = socket()) {
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(text(exchange(socket, port(key), "p")));
            }
            assertThat(answers).containsExactly("rs3:p", "rs2:p", "rs1:p", "rs3:p", "rs2:p", "rs1:p");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> flows(key) == 0);
        assertThat(counters(key).connections()).isEqualTo(6);
    }

    @Test
    void countersCountEachDatagramAndItsBytes() throws Exception {
        ServiceKey key = service(VirtualService.of(udp(nextPort++), Scheduler.WRR));
        try (DatagramSocket socket = socket()) {
            for (int i = 0; i < 4; i++) {
                exchange(socket, port(key), "12345");
            }
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                // "rs3:12345" is 9 bytes
                assertThat(counters(key)).isEqualTo(new Counters(1, 4, 4, 20, 36)));
    }

    private static int flows(ServiceKey key) throws DataPlaneException {
        return lab.plane.destinations(key).stream().mapToInt(DestinationStatus::inactiveConnections).sum();
    }

    private static Counters counters(ServiceKey key) throws DataPlaneException {
        return lab.plane.services().stream().filter(status -> status.service().key().equals(key)).findFirst().orElseThrow().counters();
    }
}
