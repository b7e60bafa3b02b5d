package org.jkeepalived.ipvs.internal.scheduler;

import java.util.List;

/**
 * fo ({@code ip_vs_fo.c}): every connection to the available destination of the highest weight, the
 * first in list order among equals.
 */
final class WeightedFailover implements SchedulingAlgorithm {

    @Override
    public <D extends Schedulable> D schedule(List<D> destinations, Flow flow) {
        D highest = null;
        for (D destination : destinations) {
            if (destination.available() && (highest == null || destination.weight() > highest.weight())) {
                highest = destination;
            }
        }
        return highest;
    }
}
