package org.jkeepalived.ipvs.internal.scheduler;

import java.util.List;

/**
 * One service's scheduler: picks the destination of each new connection, as the IPVS scheduler of
 * the same name does. It is used by one thread. Destinations are given in the service's list order,
 * the newest first, as IPVS keeps them.
 */
public interface SchedulingAlgorithm {

    /**
     * Told after a destination was added, removed or changed, with the list before and after; the
     * kernel's {@code add_dest}, {@code del_dest} and {@code upd_dest}.
     *
     * @param previous the destinations before
     * @param current the destinations now
     */
    default void destinationsChanged(List<? extends Schedulable> previous, List<? extends Schedulable> current) {
    }

    /**
     * @param destinations the service's destinations
     * @param flow the new connection
     * @param <D> the type of destinations
     * @return the destination for it, or null if none can take it
     */
    <D extends Schedulable> D schedule(List<D> destinations, Flow flow);
}
