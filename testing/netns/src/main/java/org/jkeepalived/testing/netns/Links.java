package org.jkeepalived.testing.netns;

/** Links between test hosts. */
public final class Links {

    private Links() {
    }

    /**
     * Connects two namespaces with a veth pair and brings both ends up.
     *
     * @param a one namespace
     * @param nameInA the interface's name in {@code a} (at most 15 characters)
     * @param b the other namespace
     * @param nameInB the interface's name in {@code b}
     */
    public static void veth(NetworkNamespace a, String nameInA, NetworkNamespace b, String nameInB) {
        a.execOrFail("ip", "link", "add", nameInA, "type", "veth", "peer", "name", nameInB, "netns", b.name());
        a.execOrFail("ip", "link", "set", nameInA, "up");
        b.execOrFail("ip", "link", "set", nameInB, "up");
    }

    /**
     * Makes a bridge in {@code hub} and connects each host to it through a veth pair: the host's end
     * is named {@code hostInterface}, the bridge's end {@code <bridge>p<n>}.
     *
     * @param hub the namespace that holds the bridge, like a switch
     * @param bridge the bridge's name
     * @param hostInterface the interface name each host gets
     * @param hosts the hosts to connect
     */
    public static void bridge(NetworkNamespace hub, String bridge, String hostInterface, NetworkNamespace... hosts) {
        hub.execOrFail("ip", "link", "add", bridge, "type", "bridge");
        hub.execOrFail("ip", "link", "set", bridge, "up");
        for (int i = 0; i < hosts.length; i++) {
            String port = bridge + "p" + i;
            veth(hub, port, hosts[i], hostInterface);
            hub.execOrFail("ip", "link", "set", port, "master", bridge);
        }
    }
}
