package org.jkeepalived.ipvs.internal.scheduler;

import org.jkeepalived.ipvs.api.DestinationKey;

/** What a scheduler reads of a destination: the fields of the kernel's {@code struct ip_vs_dest} it uses. */
public interface Schedulable {

    /** @return its address and port */
    DestinationKey key();

    /** @return its weight now */
    int weight();

    /** @return its latest weight that was not 0 (0 if it never had one): mh fills its table by it */
    int lastWeight();

    /** @return its established connections */
    int activeConnections();

    /** @return its other connections */
    int inactiveConnections();

    /** @return whether it reached its upper threshold ({@code IP_VS_DEST_F_OVERLOAD}) */
    boolean overloaded();

    /** @return whether it may take a new connection: weight above 0 and not overloaded */
    default boolean available() {
        return weight() > 0 && !overloaded();
    }

    /**
     * The overhead the least-connection schedulers compare: an active connection weighs as much as
     * 256 inactive ones ({@code ip_vs_dest_conn_overhead}).
     *
     * @return {@code active * 256 + inactive}
     */
    default long connectionOverhead() {
        return ((long) activeConnections() << 8) + inactiveConnections();
    }
}
