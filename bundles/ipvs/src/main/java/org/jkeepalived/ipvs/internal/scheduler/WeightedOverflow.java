package org.jkeepalived.ipvs.internal.scheduler;

import java.util.List;

/**
 * ovf ({@code ip_vs_ovf.c}): connections go to the available destination of the highest weight while
 * its active connections do not exceed its weight, then overflow to the next highest.
 */
final class WeightedOverflow implements SchedulingAlgorithm {

    @Override
    public <D extends Schedulable> D schedule(List<D> destinations, Flow flow) {
        D highest = null;
        for (D destination : destinations) {
            if (!destination.available() || destination.activeConnections() > destination.weight()) {
                continue;
            }
            if (highest == null || destination.weight() > highest.weight()) {
                highest = destination;
            }
        }
        return highest;
    }
}
