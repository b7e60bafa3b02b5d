package org.jkeepalived.ipvs.internal.userspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.jkeepalived.ipvs.internal.userspace.LoadBalancerLab.server;
import static org.jkeepalived.ipvs.internal.userspace.LoadBalancerLab.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.jkeepalived.ipvs.api.AddressFamily;
import org.jkeepalived.ipvs.api.Counters;
import org.jkeepalived.ipvs.api.DataPlaneException;
import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.DestinationStatus;
import org.jkeepalived.ipvs.api.IpProtocol;
import org.jkeepalived.ipvs.api.Operation;
import org.jkeepalived.ipvs.api.Persistence;
import org.jkeepalived.ipvs.api.Reconciler;
import org.jkeepalived.ipvs.api.Scheduler;
import org.jkeepalived.ipvs.api.ServiceEntry;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.ServiceTable;
import org.jkeepalived.ipvs.api.Timeouts;
import org.jkeepalived.ipvs.api.VirtualService;
import org.jkeepalived.ipvs.internal.userspace.LoadBalancerLab.KeptConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** HTTP requests from a client namespace through the userspace forwarder to three real servers. */
class TcpForwardingTest {

    private static final String CLIENT = "192.0.2.2";
    private static LoadBalancerLab lab;
    private static int nextPort = 8000;

    @BeforeAll
    static void startLab() throws Exception {
        lab = new LoadBalancerLab();
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    /** A new service on its own port with rs1, rs2, rs3 added in that order, so listed rs3, rs2, rs1. */
    private static ServiceKey service(Function<ServiceKey, VirtualService> service, int... weights) throws DataPlaneException {
        ServiceKey key = tcp(nextPort++);
        lab.plane.newService(service.apply(key));
        for (int i = 0; i < weights.length; i++) {
            lab.plane.newDestination(key, server(i + 1, weights[i]));
        }
        return key;
    }

    private static int port(ServiceKey key) {
        return ((ServiceKey.Inet) key).port();
    }

    private static List<String> requests(ServiceKey key, int count) throws Exception {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(lab.get(CLIENT, port(key)));
        }
        return answers;
    }

    @Test
    void roundRobinTakesTheServersInTurnNewestFirst() throws Exception {
        ServiceKey key = service(k -> VirtualService.of(k, Scheduler.RR), 1, 1, 1);

        assertThat(requests(key, 6)).containsExactly("rs3", "rs2", "rs1", "rs3", "rs2", "rs1");
    }

    @Test
    void weightedRoundRobinGivesEachServerItsWeight() throws Exception {
        ServiceKey key = service(k -> VirtualService.of(k, Scheduler.WRR), 1, 2, 3);

        // Listed rs3 (3), rs2 (2), rs1 (1). Added one by one, the current weight stayed at 1 from the
        // first: a pass with cw = 1 first, then passes with cw = 3, 2, 1 over and over.
        assertThat(requests(key, 12)).containsExactly(
                "rs3", "rs2", "rs1",
                "rs3", "rs3", "rs2", "rs3", "rs2", "rs1",
                "rs3", "rs3", "rs2");
    }

    @ParameterizedTest
    @EnumSource(names = {"SH", "MH"})
    void hashingKeepsEachSourceOnOneServer(Scheduler scheduler) throws Exception {
        ServiceKey key = service(k -> VirtualService.of(k, scheduler), 1, 1, 1);
        Map<String, Set<String>> serversBySource = new TreeMap<>();
        for (int source = 10; source < 42; source++) {
            for (int i = 0; i < 3; i++) {
                serversBySource.computeIfAbsent("192.0.2." + source, s -> new HashSet<>()).add(lab.get("192.0.2." + source, port(key)));
            }
        }
        assertThat(serversBySource.values()).allSatisfy(servers -> assertThat(servers).hasSize(1));
        Set<String> used = new HashSet<>();
        serversBySource.values().forEach(used::addAll);
        assertThat(used).containsExactlyInAnyOrder("rs1", "rs2", "rs3");
    }

    @ParameterizedTest
    @EnumSource(names = {"LC", "WLC", "SED", "NQ"})
    void leastConnectionSchedulersPreferTheIdleServer(Scheduler scheduler) throws Exception {
        ServiceKey key = service(k -> VirtualService.of(k, scheduler), 1, 1, 1);
        try (KeptConnection first = lab.open(CLIENT, LoadBalancerLab.VIP, port(key))) {
            // established before the second comes: sed and nq count active connections only
            String firstServer = first.request(true);
            try (KeptConnection second = lab.open(CLIENT, LoadBalancerLab.VIP, port(key))) {
                String secondServer = second.request(true);
                assertThat(secondServer).isNotEqualTo(firstServer);
                assertIdleServerPreferred(key, Set.of(firstServer, secondServer));
            }
        }
    }


    private static void assertIdleServerPreferred(ServiceKey key, Set<String> held) throws Exception {
        String idle = Set.of("rs1", "rs2", "rs3").stream().filter(name -> !held.contains(name)).findFirst().orElseThrow();

        assertThat(requests(key, 5)).containsOnly(idle);
        assertThat(activeByServer(key)).isEqualTo(Map.of("rs1", held.contains("rs1") ? 1 : 0,
                "rs2", held.contains("rs2") ? 1 : 0, "rs3", held.contains("rs3") ? 1 : 0));
    }

    @Test
    void persistenceKeepsAClientOnItsFirstServer() throws Exception {
        ServiceKey key = service(k -> VirtualService.of(k, Scheduler.RR)
                .withPersistence(Optional.of(Persistence.perClient(Duration.ofSeconds(60), AddressFamily.INET))), 1, 1, 1);

        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            first.add(lab.get("192.0.2.10", port(key)));
            second.add(lab.get("192.0.2.11", port(key)));
        }
        assertThat(first).containsOnly("rs3");
        assertThat(second).containsOnly("rs2");
        assertThat(lab.plane.destinations(key)).extracting(DestinationStatus::persistentConnections).containsExactly(1, 1, 0);
    }

    @Test
    void persistenceLastsWhileTheClientHasConnectionsAndEndsItsTimeoutAfterTheLast() throws Exception {
        ServiceKey key = service(k -> VirtualService.of(k, Scheduler.RR)
                .withPersistence(Optional.of(Persistence.perClient(Duration.ofSeconds(1), AddressFamily.INET))), 1, 1, 1);
        try (KeptConnection kept = lab.open("192.0.2.12", LoadBalancerLab.VIP, port(key))) {
            assertThat(kept.request(true)).isEqualTo("rs3");
            Thread.sleep(2_500);
            assertThat(lab.get("192.0.2.12", port(key))).as("an open connection holds the client's server").isEqualTo("rs3");
        }
        long closed = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> lab.plane.destinations(key).stream().mapToInt(DestinationStatus::persistentConnections).sum() == 0);
        assertThat(Duration.ofNanos(System.nanoTime() - closed)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(lab.get("192.0.2.12", port(key))).as("a new choice once the affinity ended").isEqualTo("rs2");
    }

    @Test
    void persistenceGranularityMakesANetworkOneClient() throws Exception {
        ServiceKey key = service(k -> VirtualService.of(k, Scheduler.RR)
                .withPersistence(Optional.of(new Persistence(Duration.ofSeconds(60), 24))), 1, 1, 1);

        Set<String> answers = new HashSet<>();
        for (int source = 10; source < 16; source++) {
            answers.add(lab.get("192.0.2." + source, port(key)));
        }
        assertThat(answers).containsExactly("rs3");
    }

    @Test
    void aQuiescentServerTakesNoNewConnectionsWhileItsOpenOneGoesOn() throws Exception {
        ServiceKey key = service(k -> VirtualService.of(k, Scheduler.RR), 1, 1, 1);
        try (KeptConnection kept = lab.open(CLIENT, LoadBalancerLab.VIP, port(key))) {
            assertThat(kept.request(true)).isEqualTo("rs3");

            lab.plane.setDestination(key, server(3, 0));

            assertThat(requests(key, 6)).doesNotContain("rs3").contains("rs1", "rs2");
            assertThat(kept.request(true)).isEqualTo("rs3");
            assertThat(activeByServer(key)).containsEntry("rs3", 1);
        }
    }

    @Test
    void aRemovedServerIsGoneAndItsOpenConnectionMayFinish() throws Exception {
        ServiceKey key = service(k -> VirtualService.of(k, Scheduler.RR), 1, 1, 1);
        try (KeptConnection kept = lab.open(CLIENT, LoadBalancerLab.VIP, port(key))) {
            assertThat(kept.request(true)).isEqualTo("rs3");

            lab.plane.deleteDestination(key, server(3, 1).key());

            assertThat(lab.plane.destinations(key)).extracting(status -> status.destination().key())
                    .containsExactly(server(2, 1).key(), server(1, 1).key());
            assertThat(requests(key, 6)).containsExactly("rs2", "rs1", "rs2", "rs1", "rs2", "rs1");
            assertThat(kept.request(true)).isEqualTo("rs3");
        }
    }

    @Test
    void aRemovedServerCanComeBackAndIsThenTheNewest() throws Exception {
        ServiceKey key = service(k -> VirtualService.of(k, Scheduler.RR), 1, 1, 1);
        lab.plane.deleteDestination(key, server(2, 1).key());
        assertThatThrownBy(() -> lab.plane.setDestination(key, server(2, 3))).isInstanceOf(DataPlaneException.class);

        lab.plane.newDestination(key, server(2, 1));

        assertThat(lab.plane.destinations(key)).extracting(status -> status.destination().key())
                .containsExactly(server(2, 1).key(), server(3, 1).key(), server(1, 1).key());
        assertThatThrownBy(() -> lab.plane.newDestination(key, server(2, 1))).isInstanceOf(DataPlaneException.class);
        assertThat(requests(key, 3)).containsExactly("rs2", "rs3", "rs1");
    }

    @Test
    void theUpperThresholdStopsNewConnectionsUntilTheLowerIsReached() throws Exception {
        ServiceKey key = service(k -> VirtualService.of(k, Scheduler.RR), 1, 1);
        lab.plane.setDestination(key, server(2, 1).withThresholds(1, 0));
        try (KeptConnection kept = lab.open(CLIENT, LoadBalancerLab.VIP, port(key))) {
            assertThat(kept.request(true)).isEqualTo("rs2");

            assertThat(requests(key, 3)).containsOnly("rs1");
        }
        // 0 connections: below three quarters of the upper threshold again
        await().atMost(Duration.ofSeconds(5)).until(() -> activeByServer(key).get("rs2") == 0);
        assertThat(requests(key, 4)).contains("rs2");
    }

    @Test
    void aConnectionThatNoServerTakesIsRefused() throws Exception {
        ServiceKey key = service(k -> VirtualService.of(k, Scheduler.WLC), 0, 0);

        assertThatThrownBy(() -> lab.get(CLIENT, port(key))).isInstanceOf(IOException.class);
        assertThat(lab.plane.services()).filteredOn(status -> status.service().key().equals(key))
                .singleElement().extracting(status -> status.counters().connections()).isEqualTo(0L);
    }

    @Test
    void listensOnAVirtualAddressBeforeItIsOnTheHost() throws Exception {
        ServiceKey key = new ServiceKey.Inet(IpProtocol.TCP, LoadBalancerLab.address(LoadBalancerLab.UNASSIGNED_VIP), 80);
        lab.plane.newService(VirtualService.of(key, Scheduler.RR));
        lab.plane.newDestination(key, server(1, 1));

        lab.balancer.execOrFail("ip", "addr", "add", LoadBalancerLab.UNASSIGNED_VIP + "/32", "dev", "lo");
        try (KeptConnection connection = lab.open(CLIENT, LoadBalancerLab.UNASSIGNED_VIP, 80)) {
            assertThat(connection.request(false)).isEqualTo("rs1");
        } finally {
            lab.balancer.execOrFail("ip", "addr", "del", LoadBalancerLab.UNASSIGNED_VIP + "/32", "dev", "lo");
        }
    }

    @Test
    void anIpv6ServiceHashesIpv6ClientsToIpv4Servers() throws Exception {
        ServiceKey key = new ServiceKey.Inet(IpProtocol.TCP, LoadBalancerLab.address(LoadBalancerLab.VIP6), nextPort++);
        lab.plane.newService(VirtualService.of(key, Scheduler.SH));
        for (int server = 1; server <= LoadBalancerLab.SERVERS; server++) {
            lab.plane.newDestination(key, server(server, 1));
        }
        Map<String, Set<String>> serversBySource = new TreeMap<>();
        for (int source = 2; source < 10; source++) {
            for (int i = 0; i < 2; i++) {
                try (KeptConnection connection = lab.open("2001:db8:1::" + source, LoadBalancerLab.VIP6, port(key))) {
                    serversBySource.computeIfAbsent("2001:db8:1::" + source, s -> new HashSet<>()).add(connection.request(false));
                }
            }
        }
        assertThat(serversBySource).hasSize(8);
        assertThat(serversBySource.values()).allSatisfy(servers -> assertThat(servers).hasSize(1));
    }

    @Test
    void countersCountConnectionsAndBytesBothWays() throws Exception {
        ServiceKey key = service(k -> VirtualService.of(k, Scheduler.RR), 1, 1, 1);
        long sent = 0;
        long received = 0;
        for (int i = 0; i < 5; i++) {
            try (KeptConnection connection = lab.open(CLIENT, LoadBalancerLab.VIP, port(key))) {
                connection.request(false);
                sent += connection.sentBytes;
                received += connection.receivedBytes;
            }
        }
        long in = sent;
        long out = received;
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Counters counters = lab.plane.services().stream().filter(status -> status.service().key().equals(key))
                    .findFirst().orElseThrow().counters();
            assertThat(counters.connections()).isEqualTo(5);
            assertThat(counters.inBytes()).isEqualTo(in);
            assertThat(counters.outBytes()).isEqualTo(out);
            assertThat(counters.inPackets()).isGreaterThanOrEqualTo(5);
            List<DestinationStatus> destinations = lab.plane.destinations(key);
            assertThat(destinations).extracting(status -> status.counters().connections()).containsExactly(2L, 2L, 1L);
            assertThat(destinations.stream().mapToLong(status -> status.counters().outBytes()).sum()).isEqualTo(out);
            assertThat(destinations).allSatisfy(status -> {
                assertThat(status.activeConnections()).isZero();
                assertThat(status.inactiveConnections()).isZero();
            });
        });
    }

    @Test
    void whatTheUserspacePlaneCannotDoIsRefusedAndSaysWhy() throws Exception {
        assertThatThrownBy(() -> lab.plane.newService(VirtualService.of(new ServiceKey.Fwmark(5, AddressFamily.INET), Scheduler.RR)))
                .isInstanceOf(DataPlaneException.class).hasMessageContaining("firewall-mark services need the kernel's IPVS")
                .extracting(e -> ((DataPlaneException) e).reason()).isEqualTo(DataPlaneException.Reason.UNSUPPORTED);
        assertThatThrownBy(() -> lab.plane.newService(VirtualService.of(
                new ServiceKey.Inet(IpProtocol.SCTP, LoadBalancerLab.address(LoadBalancerLab.VIP), 9), Scheduler.RR)))
                .hasMessageContaining("TCP and UDP only");
        assertThatThrownBy(() -> lab.plane.newService(VirtualService.of(tcp(7999), Scheduler.LBLC)))
                .hasMessageContaining("scheduler lblc balances by destination address");

        ServiceKey taken = tcp(nextPort++);
        try (ServerSocket other = lab.balancer.call(() -> new ServerSocket(port(taken), 8, LoadBalancerLab.address(LoadBalancerLab.VIP)))) {
            assertThatThrownBy(() -> lab.plane.newService(VirtualService.of(taken, Scheduler.RR)))
                    .hasMessageContaining("cannot listen on /203.0.113.100:" + port(taken))
                    .extracting(e -> ((DataPlaneException) e).reason()).isEqualTo(DataPlaneException.Reason.FAILED);
        }
        assertThat(lab.plane.services()).noneMatch(status -> status.service().key().equals(taken));

        ServiceKey key = service(k -> VirtualService.of(k, Scheduler.RR), 1);
        assertThatThrownBy(() -> lab.plane.newService(VirtualService.of(key, Scheduler.WLC)))
                .extracting(e -> ((DataPlaneException) e).reason()).isEqualTo(DataPlaneException.Reason.SERVICE_EXISTS);
        assertThatThrownBy(() -> lab.plane.newDestination(key, server(1, 5)))
                .extracting(e -> ((DataPlaneException) e).reason()).isEqualTo(DataPlaneException.Reason.DESTINATION_EXISTS);
        assertThatThrownBy(() -> lab.plane.setDestination(key, server(2, 5)))
                .extracting(e -> ((DataPlaneException) e).reason()).isEqualTo(DataPlaneException.Reason.NO_SUCH_DESTINATION);
        assertThatThrownBy(() -> lab.plane.deleteService(tcp(7998)))
                .extracting(e -> ((DataPlaneException) e).reason()).isEqualTo(DataPlaneException.Reason.NO_SUCH_SERVICE);
        assertThat(requests(key, 1)).containsExactly("rs1");
    }

    @Test
    void aDeletedServiceStopsListening() throws Exception {
        ServiceKey key = service(k -> VirtualService.of(k, Scheduler.RR), 1);
        assertThat(requests(key, 1)).containsExactly("rs1");

        lab.plane.deleteService(key);

        assertThatThrownBy(() -> lab.get(CLIENT, port(key))).isInstanceOf(IOException.class);
        assertThat(lab.plane.services()).noneMatch(status -> status.service().key().equals(key));
    }

    @Test
    void aServerThatDoesNotReadSlowsTheClientInsteadOfFillingTheBalancer() throws Exception {
        ServiceKey key = tcp(nextPort++);
        try (ServerSocket stalled = lab.servers.get(0).call(() -> new ServerSocket(81, 8, LoadBalancerLab.address(LoadBalancerLab.serverAddress(1))))) {
            lab.plane.newService(VirtualService.of(key, Scheduler.RR));
            lab.plane.newDestination(key, Destination.of(new DestinationKey(LoadBalancerLab.address(LoadBalancerLab.serverAddress(1)), 81), 1));
            long accepted = lab.inClient(() -> {
                try (SocketChannel channel = SocketChannel.open(new InetSocketAddress(LoadBalancerLab.VIP, port(key)))) {
                    channel.configureBlocking(false);
                    ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
                    long written = 0;
                    long lastProgress = System.nanoTime();
                    // until the client is held back for half a second, or has sent 256 MB
                    while (System.nanoTime() - lastProgress < 500_000_000L && written < (256L << 20)) {
                        chunk.clear();
                        int n = channel.write(chunk);
                        if (n > 0) {
                            written += n;
                            lastProgress = System.nanoTime();
                        } else {
                            Thread.sleep(5);
                        }
                    }
                    return written;
                }
            });
            // the socket buffers of the three hops, and no more
            assertThat(accepted).isLessThan(64L << 20);
        }
    }

    @Test
    void theReconcilerEditsARunningTableInPlace() throws Exception {
        ServiceKey web = tcp(nextPort++);
        ServiceKey other = tcp(nextPort++);
        ServiceKey added = tcp(nextPort++);
        VirtualService webService = VirtualService.of(web, Scheduler.RR);
        ServiceTable a = new ServiceTable(List.of(
                new ServiceEntry(webService, List.of(server(1, 1), server(2, 1), server(3, 1))),
                new ServiceEntry(VirtualService.of(other, Scheduler.WLC), List.of(server(1, 1)))));
        assertThat(Reconciler.reconcile(lab.plane, tableWithOthers(a, ServiceTable.EMPTY)).applied()).hasSize(6);

        try (KeptConnection kept = lab.open(CLIENT, LoadBalancerLab.VIP, port(web))) {
            assertThat(kept.request(true)).isEqualTo("rs3");
            VirtualService weighted = webService.withScheduler(Scheduler.WRR);
            ServiceTable b = new ServiceTable(List.of(
                    new ServiceEntry(weighted, List.of(server(1, 1), server(2, 3), server(3, 5))),
                    new ServiceEntry(VirtualService.of(added, Scheduler.RR), List.of(server(2, 1)))));

            Reconciler.Result result = Reconciler.reconcile(lab.plane, tableWithOthers(b, a));

            assertThat(result.complete()).isTrue();
            assertThat(result.applied()).containsExactly(
                    new Operation.SetService(weighted),
                    new Operation.SetDestination(web, server(2, 3)),
                    new Operation.SetDestination(web, server(3, 5)),
                    new Operation.NewService(VirtualService.of(added, Scheduler.RR)),
                    new Operation.NewDestination(added, server(2, 1)),
                    new Operation.DeleteService(other));
            // the weight change was an edit: the open connection to rs3 goes on
            assertThat(kept.request(true)).isEqualTo("rs3");
            assertThat(activeByServer(web)).containsEntry("rs3", 1);
            assertThat(Reconciler.reconcile(lab.plane, tableWithOthers(b, a)).applied()).isEmpty();
            assertThat(lab.get(CLIENT, port(added))).isEqualTo("rs2");
        }
    }

    @Test
    void theReconcilerGoesOnPastWhatTheDataPlaneRefuses() throws Exception {
        ServiceKey good = tcp(nextPort++);
        ServiceKey marked = new ServiceKey.Fwmark(9, AddressFamily.INET);
        ServiceTable desired = new ServiceTable(List.of(
                new ServiceEntry(VirtualService.of(marked, Scheduler.RR), List.of(server(1, 1))),
                new ServiceEntry(VirtualService.of(good, Scheduler.RR), List.of(server(1, 1)))));

        Reconciler.Result result = Reconciler.reconcile(lab.plane, tableWithOthers(desired, ServiceTable.EMPTY));

        assertThat(result.applied()).containsExactly(new Operation.NewService(VirtualService.of(good, Scheduler.RR)),
                new Operation.NewDestination(good, server(1, 1)));
        assertThat(result.failures()).extracting(Reconciler.Failure::operation).containsExactly(
                new Operation.NewService(VirtualService.of(marked, Scheduler.RR)), new Operation.NewDestination(marked, server(1, 1)));
        assertThat(result.failures()).allSatisfy(failure ->
                assertThat(failure.error().reason()).isEqualTo(DataPlaneException.Reason.UNSUPPORTED));
        assertThat(lab.get(CLIENT, port(good))).isEqualTo("rs1");
    }

    @Test
    void anIdleConnectionIsClosedAfterTheTcpTimeout() throws Exception {
        ServiceKey key = service(k -> VirtualService.of(k, Scheduler.RR), 1);
        Timeouts before = lab.plane.timeouts();
        lab.plane.setTimeouts(before.withTcp(Duration.ofSeconds(1), before.tcpFin()));
        try (KeptConnection kept = lab.open(CLIENT, LoadBalancerLab.VIP, port(key))) {
            assertThat(kept.request(true)).isEqualTo("rs1");
            long start = System.nanoTime();

            kept.awaitClose();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(8));
            await().atMost(Duration.ofSeconds(5)).until(() -> activeByServer(key).get("rs1") == 0);
        } finally {
            lab.plane.setTimeouts(before);
        }
    }

    /** The desired table plus the services other tests made, as they are now, so that reconciling leaves them be. */
    private static ServiceTable tableWithOthers(ServiceTable desired, ServiceTable ownedBefore) throws DataPlaneException {
        List<ServiceEntry> entries = new ArrayList<>(desired.entries());
        for (ServiceEntry existing : ServiceTable.read(lab.plane).entries()) {
            if (desired.entry(existing.key()).isEmpty() && ownedBefore.entry(existing.key()).isEmpty()) {
                entries.add(existing);
            }
        }
        return new ServiceTable(entries);
    }

    private static Map<String, Integer> activeByServer(ServiceKey key) throws DataPlaneException {
        Map<String, Integer> active = new TreeMap<>();
        for (DestinationStatus status : lab.plane.destinations(key)) {
            String address = status.destination().key().address().getHostAddress();
            active.put("rs" + (Integer.parseInt(address.substring(address.lastIndexOf('.') + 1)) - 10), status.activeConnections());
        }
        return active;
    }
}
