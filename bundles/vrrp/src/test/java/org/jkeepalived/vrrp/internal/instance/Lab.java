package org.jkeepalived.vrrp.internal.instance;

import java.util.ArrayList;
import java.util.List;

import org.jkeepalived.core.api.loop.EventLoops;
import org.jkeepalived.testing.netns.Links;
import org.jkeepalived.testing.netns.NetworkNamespace;

/**
 * Hosts on one Ethernet segment: a bridge in a hub namespace and a namespace per host, each with
 * eth0 on the bridge, 192.0.2.N/24 and an IPv6 link-local address usable at once.
 */
final class Lab implements AutoCloseable {

    final NetworkNamespace hub;
    final List<NetworkNamespace> namespaces = new ArrayList<>();
    final List<VrrpHost> hosts = new ArrayList<>();

    private Lab(int count, EventLoops loops) {
        hub = NetworkNamespace.create();
        for (int i = 0; i < count; i++) {
            NetworkNamespace namespace = NetworkNamespace.create();
            // no duplicate address detection: the link-local address is usable as soon as the link is up
            namespace.execOrFail("sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0");
            namespace.execOrFail("sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0");
            namespaces.add(namespace);
        }
        Links.bridge(hub, "br0", "eth0", namespaces.toArray(NetworkNamespace[]::new));
        // without snooping the bridge floods every group, as a plain switch does with link-local groups
        hub.execOrFail("ip", "link", "set", "br0", "type", "bridge", "mcast_snooping", "0");
        for (int i = 0; i < count; i++) {
            namespaces.get(i).execOrFail("ip", "addr", "add", address(i) + "/24", "dev", "eth0");
            hosts.add(loops == null ? null : VrrpHost.in(loops, namespaces.get(i)));
        }
    }

    /**
     * @param count the number of hosts
     * @param loops where the hosts' loops come from, or {@code null} for namespaces only
     * @return the lab
     */
    static Lab of(int count, EventLoops loops) {
        return new Lab(count, loops);
    }

    /** @return the IPv4 address of host {@code i}: 192.0.2.(i + 1) */
    static String address(int i) {
        return "192.0.2." + (i + 1);
    }

    VrrpHost host(int i) {
        return hosts.get(i);
    }

    @Override
    public void close() {
        for (VrrpHost host : hosts) {
            if (host != null) {
                host.close();
            }
        }
        namespaces.forEach(NetworkNamespace::close);
        hub.close();
    }
}
