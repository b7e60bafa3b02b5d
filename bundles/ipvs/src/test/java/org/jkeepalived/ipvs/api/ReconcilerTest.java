package org.jkeepalived.ipvs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jkeepalived.ipvs.api.Operation.DeleteDestination;
import org.jkeepalived.ipvs.api.Operation.DeleteService;
import org.jkeepalived.ipvs.api.Operation.NewDestination;
import org.jkeepalived.ipvs.api.Operation.NewService;
import org.jkeepalived.ipvs.api.Operation.SetDestination;
import org.jkeepalived.ipvs.api.Operation.SetService;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    private static final ServiceKey WEB = new ServiceKey.Inet(IpProtocol.TCP, address("192.0.2.10"), 80);
    private static final ServiceKey DNS = new ServiceKey.Inet(IpProtocol.UDP, address("192.0.2.10"), 53);
    private static final ServiceKey MARKED = new ServiceKey.Fwmark(7, AddressFamily.INET);

    private static final Destination A = Destination.of(new DestinationKey(address("198.51.100.1"), 8080), 1);
    private static final Destination B = Destination.of(new DestinationKey(address("198.51.100.2"), 8080), 2);
    private static final Destination C = Destination.of(new DestinationKey(address("198.51.100.3"), 8080), 3);

    @Test
    void equalTablesNeedNothing() {
        ServiceTable table = ServiceTable.of(entry(VirtualService.of(WEB, Scheduler.WLC), A, B), entry(VirtualService.of(DNS, Scheduler.RR), C));
        ServiceTable same = ServiceTable.of(entry(VirtualService.of(DNS, Scheduler.RR), C), entry(VirtualService.of(WEB, Scheduler.WLC), B, A));

        assertThat(Reconciler.diff(table, same)).isEmpty();
    }

    @Test
    void fromNothingEachServiceIsAddedThenItsDestinationsInOrder() {
        VirtualService web = VirtualService.of(WEB, Scheduler.RR);
        VirtualService marked = VirtualService.of(MARKED, Scheduler.SH).withFlags(Set.of(SchedulerFlag.FALLBACK));

        assertThat(Reconciler.diff(ServiceTable.EMPTY, ServiceTable.of(entry(web, A, B), entry(marked, C)))).containsExactly(
                new NewService(web), new NewDestination(WEB, A), new NewDestination(WEB, B),
                new NewService(marked), new NewDestination(MARKED, C));
    }

    @Test
    void aWeightChangeIsAnEditOfThatDestinationOnly() {
        VirtualService web = VirtualService.of(WEB, Scheduler.WRR);

        assertThat(Reconciler.diff(ServiceTable.of(entry(web, A, B, C)), ServiceTable.of(entry(web, A, B.withWeight(0), C))))
                .containsExactly(new SetDestination(WEB, B.withWeight(0)));
    }

    @Test
    void forwardingAndThresholdChangesAreEditsToo() {
        VirtualService web = VirtualService.of(WEB, Scheduler.WLC);
        Destination routed = A.withForwarding(Forwarding.DR);
        Destination limited = B.withThresholds(100, 50);

        assertThat(Reconciler.diff(ServiceTable.of(entry(web, A, B)), ServiceTable.of(entry(web, routed, limited))))
                .containsExactly(new SetDestination(WEB, routed), new SetDestination(WEB, limited));
    }

    @Test
    void aSchedulerOrPersistenceChangeIsAnEditOfTheServiceThatKeepsItsDestinations() {
        VirtualService before = VirtualService.of(WEB, Scheduler.WLC);
        VirtualService after = before.withScheduler(Scheduler.SH)
                .withPersistence(Optional.of(Persistence.perClient(Duration.ofSeconds(50), AddressFamily.INET)));

        assertThat(Reconciler.diff(ServiceTable.of(entry(before, A, B)), ServiceTable.of(entry(after, A, B))))
                .containsExactly(new SetService(after));
    }

    @Test
    void fromTableAToTableBExactlyTheseOperations() {
        VirtualService web = VirtualService.of(WEB, Scheduler.WLC);
        VirtualService dns = VirtualService.of(DNS, Scheduler.RR);
        VirtualService marked = VirtualService.of(MARKED, Scheduler.MH);
        ServiceTable a = ServiceTable.of(entry(web, A, B), entry(dns, A, C));
        ServiceTable b = ServiceTable.of(entry(web.withScheduler(Scheduler.WRR), B.withWeight(5), C), entry(marked, A));

        assertThat(Reconciler.diff(a, b)).containsExactly(
                new SetService(web.withScheduler(Scheduler.WRR)),
                new NewDestination(WEB, C),
                new SetDestination(WEB, B.withWeight(5)),
                new DeleteDestination(WEB, A.key()),
                new NewService(marked),
                new NewDestination(MARKED, A),
                new DeleteService(DNS));
    }

    @Test
    void aServiceWhoseKeyChangedIsAnotherService() {
        ServiceKey moved = new ServiceKey.Inet(IpProtocol.TCP, address("192.0.2.10"), 8080);
        VirtualService before = VirtualService.of(WEB, Scheduler.RR);
        VirtualService after = VirtualService.of(moved, Scheduler.RR);

        assertThat(Reconciler.diff(ServiceTable.of(entry(before, A)), ServiceTable.of(entry(after, A)))).containsExactly(
                new NewService(after), new NewDestination(moved, A), new DeleteService(WEB));
    }

    @Test
    void toNothingEachServiceIsDeletedWithoutItsDestinationsOneByOne() {
        ServiceTable a = ServiceTable.of(entry(VirtualService.of(WEB, Scheduler.RR), A, B), entry(VirtualService.of(DNS, Scheduler.RR), C));

        assertThat(Reconciler.diff(a, ServiceTable.EMPTY)).containsExactly(new DeleteService(WEB), new DeleteService(DNS));
    }

    @Test
    void tablesRefuseDuplicates() {
        VirtualService web = VirtualService.of(WEB, Scheduler.RR);
        assertThatThrownBy(() -> entry(web, A, A.withWeight(3)))
                .hasMessageContaining("destination 198.51.100.1:8080 is twice in service TCP 192.0.2.10:80");
        assertThatThrownBy(() -> ServiceTable.of(entry(web), entry(web.withScheduler(Scheduler.LC))))
                .hasMessageContaining("service TCP 192.0.2.10:80 is twice");
    }

    @Test
    void valuesRefuseWhatIpvsRefuses() {
        assertThatThrownBy(() -> new ServiceKey.Inet(IpProtocol.TCP, address("192.0.2.1"), 70000)).hasMessageContaining("70000");
        assertThatThrownBy(() -> VirtualService.of(new ServiceKey.Inet(IpProtocol.TCP, address("192.0.2.1"), 0), Scheduler.RR))
                .hasMessageContaining("must be persistent");
        assertThatThrownBy(() -> VirtualService.of(WEB, Scheduler.RR).withPersistence(Optional.of(new Persistence(Duration.ofSeconds(5), 64))))
                .hasMessageContaining("/64 is longer");
        assertThatThrownBy(() -> A.withWeight(-1)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new Forwarding(Forwarding.Method.TUN, Forwarding.TunnelType.GUE, 0, Forwarding.TunnelChecksum.NONE))
                .hasMessageContaining("GUE tunnel needs a port");
        assertThatThrownBy(() -> new Persistence(Duration.ofMillis(1500), 32)).hasMessageContaining("whole number of seconds");
    }

    private static ServiceEntry entry(VirtualService service, Destination... destinations) {
        return new ServiceEntry(service, List.of(destinations));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
