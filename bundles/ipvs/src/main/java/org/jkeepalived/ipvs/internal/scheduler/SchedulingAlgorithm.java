package org.jkeepalived.ipvs.internal.scheduler;

import java.util.List;

/**
 * One service's scheduler: picks the destination of each new connection, as the IPVS scheduler of
 * the same name does. It is used by one thread. Destinations are given in the service's list order,
 * the newest first, as IPVS keeps them.
 */
public interface SchedulingAlgorithm {

    /**
     * Told after a destination was added or changed; the kernel's {@code add_dest} and
     * {@code upd_dest}.
     *
     * @param current the destinations now
     */
    default void destinationsChanged(List<? extends Schedulable> current) {
    }

    /**
     * Told after a destination was removed; the kernel's {@code del_dest}. Unless overridden, the
     * same as any other change.
     *
     * @param removed the destination that went
     * @param predecessor the one before it in list order, null if it was the head
     * @param current the destinations now
     */
    default void destinationRemoved(Schedulable removed, Schedulable predecessor, List<? extends Schedulable> current) {
        destinationsChanged(current);
    }

    /**
     * @param destinations the service's destinations
     * @param flow the new connection
     * @param <D> the type of destinations
     * @return the destination for it, or null if none can take it
     */
    <D extends Schedulable> D schedule(List<D> destinations, Flow flow);
}
