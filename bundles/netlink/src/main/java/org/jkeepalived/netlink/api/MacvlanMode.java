package org.jkeepalived.netlink.api;

/** How a macvlan link talks to the other macvlans of its parent ({@code MACVLAN_MODE_}). */
public enum MacvlanMode {
    /** Not to other macvlans of the parent: keepalived's default for a VMAC. */
    PRIVATE(1),
    /** Through an external bridge that reflects frames back. */
    VEPA(2),
    /** Directly, as ports of a bridge. */
    BRIDGE(4),
    /** Takes over the parent; one macvlan only. */
    PASSTHRU(8),
    /** Receives by source MAC address. */
    SOURCE(16);

    private final int value;

    MacvlanMode(int value) {
        this.value = value;
    }

    /** @return the {@code MACVLAN_MODE_} value */
    public int value() {
        return value;
    }

    /**
     * @param value a {@code MACVLAN_MODE_} value
     * @return the mode, or {@code null} if unknown
     */
    public static MacvlanMode of(int value) {
        for (MacvlanMode mode : values()) {
            if (mode.value == value) {
                return mode;
            }
        }
        return null;
    }
}
