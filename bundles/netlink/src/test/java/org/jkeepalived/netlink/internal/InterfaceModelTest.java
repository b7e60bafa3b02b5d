package org.jkeepalived.netlink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jkeepalived.netlink.api.Address;
import org.jkeepalived.netlink.api.InterfaceEvent;
import org.jkeepalived.netlink.api.Link;
import org.jkeepalived.netlink.api.MacAddress;
import org.jkeepalived.netlink.api.OperState;
import org.jkeepalived.netlink.api.Scope;
import org.junit.jupiter.api.Test;

class InterfaceModelTest {

    private static final int UP = Link.IFF_UP | Link.IFF_RUNNING;

    private final InterfaceModel model = new InterfaceModel();

    @Test
    void aFreshDumpIsReportedAsTheDifferencesGoneFirst() throws Exception {
        Address old = address(3, "192.0.2.1");
        Address kept = address(2, "192.0.2.2");
        Address fresh = address(2, "192.0.2.3");
        model.replace(List.of(link(2, "eth0", UP, 1500), link(3, "eth1", UP, 1500)), List.of(old, kept), new ArrayList<>());
        List<InterfaceEvent> events = new ArrayList<>();

        model.replace(List.of(link(2, "eth0", Link.IFF_UP, 1400), link(4, "vrrp.1", UP, 1500)), List.of(kept, fresh), events);

        assertThat(events).containsExactly(
                new InterfaceEvent.AddressRemoved(old),
                new InterfaceEvent.LinkRemoved(link(3, "eth1", UP, 1500)),
                new InterfaceEvent.LinkDown(link(2, "eth0", Link.IFF_UP, 1400)),
                new InterfaceEvent.LinkChanged(link(2, "eth0", UP, 1500), link(2, "eth0", Link.IFF_UP, 1400)),
                new InterfaceEvent.LinkAdded(link(4, "vrrp.1", UP, 1500)),
                new InterfaceEvent.AddressAdded(fresh));
        assertThat(model.snapshot().byName("eth0").orElseThrow().addresses()).containsExactly(kept, fresh);
        assertThat(model.snapshot().byIndex(3)).isEmpty();
    }

    @Test
    void aStateChangeAloneIsOnlyUpOrDownAndNothingNewIsNothing() {
        model.replace(List.of(link(2, "eth0", UP, 1500)), List.of(), new ArrayList<>());
        List<InterfaceEvent> events = new ArrayList<>();

        model.replace(List.of(link(2, "eth0", UP, 1500)), List.of(), events);
        model.replace(List.of(link(2, "eth0", 0, 1500)), List.of(), events);

        assertThat(events).containsExactly(new InterfaceEvent.LinkDown(link(2, "eth0", 0, 1500)));
    }

    private static Link link(int index, String name, int flags, int mtu) {
        return new Link(index, name, 1, flags, (flags & Link.IFF_RUNNING) != 0 ? OperState.UP : OperState.DOWN,
                MacAddress.vrrpIpv4(index), mtu, null, null, 0, 0);
    }

    private static Address address(int index, String address) throws Exception {
        return new Address(index, InetAddress.getByName(address), 24, null, null, null, Scope.GLOBAL, Set.of(),
                Address.FOREVER, Address.FOREVER);
    }
}
