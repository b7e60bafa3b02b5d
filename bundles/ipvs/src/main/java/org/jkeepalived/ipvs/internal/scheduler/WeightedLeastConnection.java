package org.jkeepalived.ipvs.internal.scheduler;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The schedulers that pick the available destination with the least overhead per unit of weight,
 * the first in list order among equals: wlc ({@code ip_vs_wlc.c}) with the connection overhead
 * {@code active * 256 + inactive}, sed ({@code ip_vs_sed.c}) with the expected delay
 * {@code active + 1}, and nq ({@code ip_vs_nq.c}), which is sed but sends to the first destination
 * that has no active connection at once.
 */
final class WeightedLeastConnection implements SchedulingAlgorithm {

    private final ToLongFunction<Schedulable> overhead;
    private final boolean idleFirst;

    private WeightedLeastConnection(ToLongFunction<Schedulable> overhead, boolean idleFirst) {
        this.overhead = overhead;
        this.idleFirst = idleFirst;
    }

    static WeightedLeastConnection wlc() {
        return new WeightedLeastConnection(Schedulable::connectionOverhead, false);
    }

    static WeightedLeastConnection sed() {
        return new WeightedLeastConnection(destination -> destination.activeConnections() + 1L, false);
    }

    static WeightedLeastConnection nq() {
        return new WeightedLeastConnection(destination -> destination.activeConnections() + 1L, true);
    }

    @Override
    public <D extends Schedulable> D schedule(List<D> destinations, Flow flow) {
        D least = null;
        long leastOverhead = 0;
        for (D destination : destinations) {
            if (!destination.available()) {
                continue;
            }
            if (idleFirst && destination.activeConnections() == 0) {
                return destination;
            }
            long candidate = overhead.applyAsLong(destination);
            // loh / lw > doh / dw, compared without division as the kernel does
            if (least == null || leastOverhead * destination.weight() > candidate * least.weight()) {
                least = destination;
                leastOverhead = candidate;
            }
        }
        return least;
    }
}
