package org.jkeepalived.vrrp.internal.runtime;

import org.jkeepalived.core.internal.loop.EventLoopsComponent;
import org.jkeepalived.testing.netns.Links;
import org.jkeepalived.testing.netns.NetworkNamespace;

/**
 * Two routers whose eth0 share a bridge in a hub namespace: 192.0.2.1/24 on the first, 192.0.2.2/24
 * on the second. The bridge floods multicast, as a switch without IGMP snooping does, so that VRRP
 * adverts reach both at once.
 */
final class RouterSegment implements AutoCloseable {

    private final EventLoopsComponent loops = new EventLoopsComponent();
    private final NetworkNamespace hub;
    final RuntimeRouter first;
    final RuntimeRouter second;

    RouterSegment() throws Exception {
        hub = NetworkNamespace.create();
        NetworkNamespace a = NetworkNamespace.create();
        NetworkNamespace b = NetworkNamespace.create();
        Links.bridge(hub, "br0", "eth0", a, b);
        hub.execOrFail("ip", "link", "set", "br0", "type", "bridge", "mcast_snooping", "0");
        a.execOrFail("ip", "addr", "add", "192.0.2.1/24", "dev", "eth0");
        b.execOrFail("ip", "addr", "add", "192.0.2.2/24", "dev", "eth0");
        first = new RuntimeRouter(a, loops);
        second = new RuntimeRouter(b, loops);
    }

    @Override
    public void close() {
        for (RuntimeRouter router : new RuntimeRouter[] {first, second}) {
            router.close();
            router.namespace.close();
        }
        hub.close();
    }
}
