package org.jkeepalived.netlink.api;

/**
 * Who installed a route ({@code RTPROT_}); values above {@link #STATIC} are not interpreted by the
 * kernel, and name routing daemons in {@code /etc/iproute2/rt_protos}.
 *
 * @param value 0 to 255
 */
public record RouteProtocol(int value) {

    public static final RouteProtocol UNSPEC = new RouteProtocol(0);
    /** Learned from an ICMP redirect. */
    public static final RouteProtocol REDIRECT = new RouteProtocol(1);
    /** Installed by the kernel, such as a prefix route of an address. */
    public static final RouteProtocol KERNEL = new RouteProtocol(2);
    /** Installed during boot; what {@code ip route add} uses when none is given. */
    public static final RouteProtocol BOOT = new RouteProtocol(3);
    /** Installed by an administrator. */
    public static final RouteProtocol STATIC = new RouteProtocol(4);
    /** Installed by keepalived ({@code RTPROT_KEEPALIVED}). */
    public static final RouteProtocol KEEPALIVED = new RouteProtocol(18);

    /** Checks the range. */
    public RouteProtocol {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("route protocol must be 0 to 255, not " + value);
        }
    }

    /** @return the name {@code ip route} uses, or the number */
    @Override
    public String toString() {
        switch (value) {
            case 0: return "unspec";
            case 1: return "redirect";
            case 2: return "kernel";
            case 3: return "boot";
            case 4: return "static";
            case 18: return "keepalived";
            default: return Integer.toString(value);
        }
    }
}
