package org.jkeepalived.ipvs.internal.scheduler;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * twos ({@code ip_vs_twos.c}): the power of two random choices. Two destinations are drawn at random
 * with probability by weight, and the one with the lower connection overhead per weight takes the
 * connection (the first drawn among equals).
 */
final class TwoRandomChoices implements SchedulingAlgorithm {

    private final RandomGenerator random;

    TwoRandomChoices(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public <D extends Schedulable> D schedule(List<D> destinations, Flow flow) {
        int totalWeight = 0;
        for (D destination : destinations) {
            if (destination.available()) {
                totalWeight += destination.weight();
            }
        }
        if (totalWeight == 0) {
            return null;
        }
        // Draws in [0, total]: the kernel adds one to make the range inclusive.
        int draw1 = random.nextInt(totalWeight + 1);
        int draw2 = random.nextInt(totalWeight + 1);
        D first = null;
        D second = null;
        for (D destination : destinations) {
            if (!destination.available()) {
                continue;
            }
            draw1 -= destination.weight();
            draw2 -= destination.weight();
            if (draw1 <= 0 && first == null) {
                first = destination;
            }
            if (draw2 <= 0 && second == null) {
                second = destination;
            }
            if (first != null && second != null) {
                break;
            }
        }
        return (long) second.weight() * first.connectionOverhead() > (long) first.weight() * second.connectionOverhead()
                ? second : first;
    }
}
