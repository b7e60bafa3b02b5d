package org.jkeepalived.netlink.api;

/**
 * The scope of an address or a route ({@code RT_SCOPE_}, rtnetlink(7)): how far from the host it is
 * valid. keepalived.conf names the usual ones; other values come from {@code /etc/iproute2/rt_scopes}.
 *
 * @param value 0 to 255
 */
public record Scope(int value) {

    /** {@code global}: valid everywhere ({@code RT_SCOPE_UNIVERSE}). */
    public static final Scope GLOBAL = new Scope(0);
    /** {@code site}: valid within the site (IPv6). */
    public static final Scope SITE = new Scope(200);
    /** {@code link}: valid on the link only. */
    public static final Scope LINK = new Scope(253);
    /** {@code host}: valid on this host only. */
    public static final Scope HOST = new Scope(254);
    /** {@code nowhere}: not valid; matches any scope when deleting a route. */
    public static final Scope NOWHERE = new Scope(255);

    /** Checks the range. */
    public Scope {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("scope must be 0 to 255, not " + value);
        }
    }

    /** @return the name keepalived.conf and {@code ip} use, or the number */
    @Override
    public String toString() {
        switch (value) {
            case 0: return "global";
            case 200: return "site";
            case 253: return "link";
            case 254: return "host";
            case 255: return "nowhere";
            default: return Integer.toString(value);
        }
    }
}
