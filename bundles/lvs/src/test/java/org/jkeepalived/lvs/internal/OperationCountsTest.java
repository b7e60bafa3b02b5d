package org.jkeepalived.lvs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;

import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.IpProtocol;
import org.jkeepalived.ipvs.api.Operation;
import org.jkeepalived.ipvs.api.Reconciler;
import org.jkeepalived.ipvs.api.Scheduler;
import org.jkeepalived.ipvs.api.ServiceEntry;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.ServiceTable;
import org.jkeepalived.ipvs.api.VirtualService;
import org.junit.jupiter.api.Test;

class OperationCountsTest {

    @Test
    void countsEachKindInTheOrderServicesThenRealServers() throws Exception {
        ServiceKey kept = new ServiceKey.Inet(IpProtocol.TCP, InetAddress.getByName("192.0.2.1"), 80);
        ServiceKey added = new ServiceKey.Inet(IpProtocol.TCP, InetAddress.getByName("192.0.2.2"), 80);
        Destination one = destination("198.51.100.1", 1);
        Destination two = destination("198.51.100.2", 1);
        ServiceTable before = ServiceTable.of(new ServiceEntry(VirtualService.of(kept, Scheduler.RR), List.of(one, two)));
        ServiceTable after = ServiceTable.of(new ServiceEntry(VirtualService.of(kept, Scheduler.RR), List.of(one.withWeight(3))),
                new ServiceEntry(VirtualService.of(added, Scheduler.RR), List.of(one, two)));

        List<Operation> operations = Reconciler.diff(before, after);

        assertThat(OperationCounts.of(operations))
                .isEqualTo("5 operations: 1 services added, 2 real servers added, 1 real servers changed, 1 real servers removed");
    }

    private static Destination destination(String address, int weight) throws Exception {
        return Destination.of(new DestinationKey(InetAddress.getByName(address), 80), weight);
    }
}
