package org.jkeepalived.config.api.model.net;

/** The scope of an address or route, as {@code ip address} and {@code ip route} name them. */
public enum AddressScope {
    /** Valid everywhere (RT_SCOPE_UNIVERSE). */
    GLOBAL(0),
    /** Valid within the site (IPv6). */
    SITE(200),
    /** Valid on this link. */
    LINK(253),
    /** Valid on this host. */
    HOST(254),
    /** Nowhere. */
    NOWHERE(255);

    private final int value;

    AddressScope(int value) {
        this.value = value;
    }

    /** @return the kernel's number for the scope */
    public int value() {
        return value;
    }
}
