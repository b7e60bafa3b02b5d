package org.jkeepalived.vrrp.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.jkeepalived.testing.netns.NetworkNamespace;
import org.jkeepalived.vrrp.api.VrrpState;
import org.junit.jupiter.api.Test;

/**
 * An instance's interface is a VLAN that is deleted and made again, as when its network
 * configuration is applied again: the instance is in FAULT while it is gone and then runs on the
 * new one, hearing and heard, so that there is one master. With dynamic_interfaces an instance
 * waits for an interface that does not exist yet.
 */
class InterfaceRecreatedNamespaceTest extends RouterSegmentTest {

    private static final Duration TAKEOVER = Duration.ofSeconds(10);

    @Test
    void anInstanceRunsOnItsInterfaceMadeAgainAndTheRoutersKeepOneMaster() {
        addVlan(first.namespace, 10, "198.51.100.1/24");
        addVlan(second.namespace, 10, "198.51.100.2/24");
        first.apply(config(10, 100));
        second.apply(config(10, 150));
        await().atMost(TAKEOVER).until(() -> second.instance("VI_1").state() == VrrpState.MASTER
                && first.instance("VI_1").state() == VrrpState.BACKUP);

        // the backup's interface: back, it must hear the master, or it would take over after Master_Down_Interval
        first.namespace.execOrFail("ip", "link", "del", "eth0.10");
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.FAULT);
        // up without an address to send from: it waits, in FAULT, until the address comes
        first.namespace.execOrFail("ip", "link", "add", "link", "eth0", "name", "eth0.10", "type", "macvlan", "mode", "bridge");
        first.namespace.execOrFail("ip", "link", "set", "eth0.10", "up");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> first.instance("VI_1").state() == VrrpState.FAULT);
        first.namespace.execOrFail("ip", "addr", "add", "198.51.100.1/24", "dev", "eth0.10");
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.BACKUP);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6))
                .until(() -> first.instance("VI_1").state() == VrrpState.BACKUP
                        && second.instance("VI_1").state() == VrrpState.MASTER);

        // the master's interface: the backup takes over; back, the master must be heard to take it back
        second.namespace.execOrFail("ip", "link", "del", "eth0.10");
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER
                && second.instance("VI_1").state() == VrrpState.FAULT);
        addVlan(second.namespace, 10, "198.51.100.2/24");
        await().atMost(TAKEOVER).until(() -> second.instance("VI_1").state() == VrrpState.MASTER);
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5))
                .until(() -> first.instance("VI_1").state() == VrrpState.BACKUP
                        && second.instance("VI_1").state() == VrrpState.MASTER);
        assertThat(second.namespace.execOrFail("ip", "-o", "addr", "show", "dev", "eth0.10")).contains(" 198.51.100.100/24 ");
    }

    @Test
    void withDynamicInterfacesAnInstanceWaitsForItsInterfaceAndStartsWhenItIsUp() {
        first.apply("global_defs {\n    dynamic_interfaces\n}\n" + config(20, 100));
        second.apply(config(20, 100));

        // waiting, it is shown in FAULT, as keepalived shows it
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> first.instance("VI_1").state() == VrrpState.FAULT && second.instanceNames().isEmpty());
        assertThat(first.instance("VI_1").sourceAddress()).isEqualTo("(none)");
        addVlan(first.namespace, 20, "198.51.100.1/24");
        addVlan(second.namespace, 20, "198.51.100.2/24");
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER);
        assertThat(first.instance("VI_1").sourceAddress()).isEqualTo("198.51.100.1");
        // without dynamic_interfaces, as keepalived, the instance is left out until a reload
        assertThat(second.instanceNames()).isEmpty();
    }

    /** A macvlan on eth0 stands for the VLAN, which needs a kernel module that namespaces cannot load. */
    private static void addVlan(NetworkNamespace namespace, int id, String address) {
        String name = "eth0." + id;
        namespace.execOrFail("ip", "link", "add", "link", "eth0", "name", name, "type", "macvlan", "mode", "bridge");
        namespace.execOrFail("ip", "addr", "add", address, "dev", name);
        namespace.execOrFail("ip", "link", "set", name, "up");
    }

    private static String config(int vlan, int priority) {
        return """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0.%d
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    virtual_ipaddress {
                        198.51.100.100/24 dev eth0.%d
                    }
                }
                """.formatted(vlan, priority, vlan);
    }
}
