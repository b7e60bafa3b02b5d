package org.jkeepalived.netlink.api;

/**
 * A network interface as the kernel describes it ({@code struct ifinfomsg} and its {@code IFLA_}
 * attributes).
 *
 * @param index the interface index
 * @param name the interface name
 * @param type the hardware type ({@code ARPHRD_}, 1 for Ethernet)
 * @param flags the {@code IFF_} flags
 * @param operState the operational state
 * @param mac the link-layer address, or {@code null} if it has none
 * @param mtu the MTU
 * @param kind the link kind for virtual links ({@code veth}, {@code macvlan}, {@code bridge}...), or {@code null}
 * @param macvlanMode the mode of a macvlan link, or {@code null}
 * @param parentIndex the index of the link this one sits on ({@code IFLA_LINK}: a macvlan's parent, a veth's peer), or 0
 * @param masterIndex the index of its master, such as a bridge or a VRF, or 0
 */
public record Link(int index, String name, int type, int flags, OperState operState, MacAddress mac, int mtu,
        String kind, MacvlanMode macvlanMode, int parentIndex, int masterIndex) {

    /** {@code IFF_UP}: administratively up. */
    public static final int IFF_UP = 0x1;
    /** {@code IFF_LOOPBACK}. */
    public static final int IFF_LOOPBACK = 0x8;
    /** {@code IFF_RUNNING}: operationally up (RFC 2863 up or unknown). */
    public static final int IFF_RUNNING = 0x40;
    /** {@code IFF_LOWER_UP}: the driver reports the carrier up. */
    public static final int IFF_LOWER_UP = 0x10000;

    /** @return whether it is administratively up ({@code ip link set up}) */
    public boolean isAdminUp() {
        return (flags & IFF_UP) != 0;
    }

    /**
     * Whether the link can carry traffic: administratively up and running, the test keepalived
     * applies to a tracked interface.
     *
     * @return whether it is up
     */
    public boolean isUp() {
        return (flags & (IFF_UP | IFF_RUNNING)) == (IFF_UP | IFF_RUNNING);
    }

    /** @return whether it is a loopback */
    public boolean isLoopback() {
        return (flags & IFF_LOOPBACK) != 0;
    }
}
