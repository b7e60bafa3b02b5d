package org.jkeepalived.lvs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.lvs.RealServer;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.healthcheck.api.HealthEvent;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.jkeepalived.ipvs.api.DataPlane;
import org.jkeepalived.ipvs.api.DestinationStatus;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.internal.userspace.UserspaceDataPlane;
import org.junit.jupiter.api.Test;

/**
 * A burst of health changes, as every real server is told at start and each changed one on reload,
 * on the userspace data plane on loopback: the data plane ends in the last state told, after a few
 * passes rather than one per change (with 40,000 real servers, one pass per change kept the table
 * from filling for hours), and the table is read only when what it holds is not known. A service
 * the data plane refuses is tried again at the next change, without trying its real servers meanwhile.
 */
class HealthBurstTest {

    private static final int REAL_SERVERS = 300;

    @Test
    void aBurstOfHealthChangesEndsInTheLastStateAfterAFewPasses() throws Exception {
        KeepalivedConfig config = read(REAL_SERVERS, freePort());
        VirtualServer server = config.virtualServers().get(0);
        try (UserspaceDataPlane userspace = new UserspaceDataPlane(Executors.defaultThreadFactory(), 1)) {
            AtomicInteger tableReads = new AtomicInteger();
            VirtualServers servers = new VirtualServers(counting(userspace, "services", tableReads));
            servers.configApplied(new ConfigUpdate(Optional.empty(), config, 1));
            for (RealServer real : server.realServers()) {
                tell(servers, server, real, HealthEvent.Kind.ADDED, true, real.weight());
            }
            for (RealServer real : server.realServers()) {
                tell(servers, server, real, HealthEvent.Kind.UP, true, 7);
            }
            // the status is read on the thread that applies, after everything queued before it
            assertThat(servers.virtualServers()).hasSize(1);

            List<DestinationStatus> destinations = userspace.destinations(userspace.services().get(0).service().key());
            assertThat(destinations).hasSize(REAL_SERVERS).allSatisfy(destination -> assertThat(destination.destination().weight())
                    .as("the weight last told").isEqualTo(7));
            // the first pass reads the table, later passes compare with what it left, and the status reads it once
            assertThat(tableReads.get()).as("reads of the table").isEqualTo(2);
            servers.stop();
        }
    }

    @Test
    void aServiceRemovedBehindItsBackIsPutBackAtTheNextChange() throws Exception {
        KeepalivedConfig config = read(3, freePort());
        VirtualServer server = config.virtualServers().get(0);
        try (UserspaceDataPlane userspace = new UserspaceDataPlane(Executors.defaultThreadFactory(), 1)) {
            VirtualServers servers = new VirtualServers(userspace);
            servers.configApplied(new ConfigUpdate(Optional.empty(), config, 1));
            server.realServers().forEach(real -> tell(servers, server, real, HealthEvent.Kind.ADDED, true, real.weight()));
            assertThat(servers.virtualServers()).hasSize(1);
            ServiceKey service = userspace.services().get(0).service().key();

            // as `ipvsadm -D` would: the next operation on it fails, and the pass after reads the table again
            userspace.deleteService(service);
            RealServer first = server.realServers().get(0);
            tell(servers, server, first, HealthEvent.Kind.UP, true, 5);
            assertThat(servers.virtualServers()).hasSize(1);
            assertThat(userspace.services()).isEmpty();
            tell(servers, server, first, HealthEvent.Kind.UP, true, 6);
            assertThat(servers.virtualServers()).hasSize(1);

            assertThat(userspace.destinations(service)).extracting(destination -> destination.destination().weight())
                    .containsExactlyInAnyOrder(6, 1, 1);
            servers.stop();
        }
    }

    @Test
    void aServiceTheDataPlaneRefusesTakesNoRealServersAndIsTriedAgainAtTheNextChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            // another program listens where the userspace data plane would
            KeepalivedConfig config = read(REAL_SERVERS, taken.getLocalPort());
            VirtualServer server = config.virtualServers().get(0);
            try (UserspaceDataPlane userspace = new UserspaceDataPlane(Executors.defaultThreadFactory(), 1)) {
                AtomicInteger destinationsAdded = new AtomicInteger();
                VirtualServers servers = new VirtualServers(counting(userspace, "newDestination", destinationsAdded));
                servers.configApplied(new ConfigUpdate(Optional.empty(), config, 1));
                server.realServers().forEach(real -> tell(servers, server, real, HealthEvent.Kind.ADDED, true, real.weight()));
                assertThat(servers.virtualServers()).hasSize(1);
                assertThat(userspace.services()).isEmpty();
                assertThat(destinationsAdded).as("real servers tried on a service that is not there").hasValue(0);

                taken.close();
                tell(servers, server, server.realServers().get(0), HealthEvent.Kind.UP, true, 5);
                assertThat(servers.virtualServers()).hasSize(1);
                assertThat(userspace.destinations(userspace.services().get(0).service().key())).hasSize(REAL_SERVERS);
                servers.stop();
            }
        }
    }

    private static KeepalivedConfig read(int realServers, int port) {
        StringBuilder text = new StringBuilder("virtual_server 127.0.0.1 " + port + " {\n    protocol TCP\n");
        for (int i = 0; i < realServers; i++) {
            text.append("    real_server 127.0.").append(1 + i / 250).append('.').append(1 + i % 250).append(" 8080 {\n")
                    .append("        weight 1\n    }\n");
        }
        ConfigResult result = ConfigReader.builder().configId("test").hostName("test").build()
                .read("keepalived.conf", text.append("}\n").toString());
        assertThat(result.hasErrors()).as(result.summary()).isFalse();
        return result.config().orElseThrow();
    }

    /** The data plane, counting the calls of one of its methods ({@code services()}: one per read of its table). */
    private static DataPlane counting(DataPlane plane, String methodName, AtomicInteger calls) {
        return (DataPlane) Proxy.newProxyInstance(DataPlane.class.getClassLoader(), new Class<?>[] {DataPlane.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals(methodName)) {
                        calls.incrementAndGet();
                    }
                    try {
                        return method.invoke(plane, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void tell(VirtualServers servers, VirtualServer server, RealServer real, HealthEvent.Kind kind, boolean up,
            int weight) {
        servers.healthChanged(new HealthEvent(kind, new RealServerHealth(RealServerKey.of(server, real), up, weight, real.weight(),
                Instant.now(), List.of()), "test", Optional.empty()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
