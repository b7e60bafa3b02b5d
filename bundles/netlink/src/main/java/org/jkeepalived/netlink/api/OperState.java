package org.jkeepalived.netlink.api;

/** A link's operational state (RFC 2863 ifOperStatus, {@code IF_OPER_} in the kernel), in kernel order. */
public enum OperState {
    UNKNOWN,
    NOT_PRESENT,
    DOWN,
    LOWER_LAYER_DOWN,
    TESTING,
    DORMANT,
    UP;

    /**
     * @param value an {@code IF_OPER_} value
     * @return the state, {@link #UNKNOWN} for a value this version does not know
     */
    public static OperState of(int value) {
        OperState[] states = values();
        return value >= 0 && value < states.length ? states[value] : UNKNOWN;
    }
}
