package org.jkeepalived.vrrp.internal.runtime;

import java.util.function.Consumer;

import org.jkeepalived.testing.netns.Links;
import org.jkeepalived.testing.netns.NetworkNamespace;

/**
 * Two router namespaces whose eth0 share a bridge in a hub namespace: 192.0.2.1/24 on {@code a},
 * 192.0.2.2/24 on {@code b}. The bridge floods multicast, as a switch without IGMP snooping does, so
 * that VRRP adverts reach both at once.
 */
final class BridgedPair implements AutoCloseable {

    final NetworkNamespace hub;
    final NetworkNamespace a;
    final NetworkNamespace b;

    private BridgedPair(NetworkNamespace hub, NetworkNamespace a, NetworkNamespace b) {
        this.hub = hub;
        this.a = a;
        this.b = b;
    }

    static BridgedPair create() {
        return create(router -> { });
    }

    /** @param prepare what to do in each router namespace before its eth0 exists, such as sysctls its defaults take */
    static BridgedPair create(Consumer<NetworkNamespace> prepare) {
        BridgedPair pair = new BridgedPair(NetworkNamespace.create(), NetworkNamespace.create(), NetworkNamespace.create());
        try {
            prepare.accept(pair.a);
            prepare.accept(pair.b);
            Links.bridge(pair.hub, "br0", "eth0", pair.a, pair.b);
            pair.hub.execOrFail("ip", "link", "set", "br0", "type", "bridge", "mcast_snooping", "0");
            pair.a.execOrFail("ip", "addr", "add", "192.0.2.1/24", "dev", "eth0");
            pair.b.execOrFail("ip", "addr", "add", "192.0.2.2/24", "dev", "eth0");
            return pair;
        } catch (RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    @Override
    public void close() {
        a.close();
        b.close();
        hub.close();
    }
}
