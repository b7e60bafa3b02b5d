package org.jkeepalived.ipvs.internal.scheduler;

import java.util.List;

/**
 * rr: each new connection goes to the next available destination in list order after the one that
 * took the last ({@code ip_vs_rr.c}).
 */
final class RoundRobin implements SchedulingAlgorithm {

    /** The destination that took the last connection; null for the head of the list. */
    private Schedulable last;

    @Override
    public void destinationRemoved(Schedulable removed, Schedulable predecessor, List<? extends Schedulable> current) {
        // The cursor steps back to the predecessor of the one removed, so that the one after it is
        // still the next (ip_vs_rr_del_dest).
        if (last == removed) {
            last = predecessor;
        }
    }

    @Override
    public <D extends Schedulable> D schedule(List<D> destinations, Flow flow) {
        int size = destinations.size();
        int start = last == null ? 0 : destinations.indexOf(last) + 1;
        for (int step = 0; step < size; step++) {
            D candidate = destinations.get((start + step) % size);
            if (candidate.available()) {
                last = candidate;
                return candidate;
            }
        }
        return null;
    }
}
