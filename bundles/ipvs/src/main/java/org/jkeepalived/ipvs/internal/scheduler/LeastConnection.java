package org.jkeepalived.ipvs.internal.scheduler;

import java.util.List;

/**
 * lc ({@code ip_vs_lc.c}): the available destination with the least connection overhead
 * ({@code active * 256 + inactive}), the first in list order among equals. Weights other than 0 do
 * not count.
 */
final class LeastConnection implements SchedulingAlgorithm {

    @Override
    public <D extends Schedulable> D schedule(List<D> destinations, Flow flow) {
        D least = null;
        long leastOverhead = 0;
        for (D destination : destinations) {
            if (!destination.available()) {
                continue;
            }
            long overhead = destination.connectionOverhead();
            if (least == null || overhead < leastOverhead) {
                least = destination;
                leastOverhead = overhead;
            }
        }
        return least;
    }
}
