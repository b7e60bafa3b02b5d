package org.jkeepalived.ipvs.internal.scheduler;

import java.util.List;

/**
 * wrr ({@code ip_vs_wrr.c}): passes over the list with a current weight {@code cw} that starts at the
 * maximum weight and drops by the weights' greatest common divisor after each pass; a destination
 * takes a connection in every pass whose {@code cw} is at most its weight. Weights 4, 3, 2 give
 * A A B A B C A B C. The maximum is lowered by {@code gcd - 1} so that the last pass runs with
 * {@code cw = 1}.
 */
final class WeightedRoundRobin implements SchedulingAlgorithm {

    /** The destination that took the last connection ({@code mark->cl}); null for the head of the list. */
    private Schedulable last;
    /** The current weight ({@code mark->cw}). */
    private int currentWeight;
    /** The maximum weight less gcd - 1 ({@code mark->mw}). */
    private int maximumWeight;
    /** The step, the greatest common divisor of the weights ({@code mark->di}). */
    private int step = 1;

    @Override
    public void destinationsChanged(List<? extends Schedulable> current) {
        last = null;
        step = gcdOfWeights(current);
        maximumWeight = maximumWeight(current) - (step - 1);
        if (currentWeight > maximumWeight || currentWeight == 0) {
            currentWeight = maximumWeight;
        } else if (step > 1) {
            currentWeight = (currentWeight / step) * step + 1;
        }
    }

    @Override
    public <D extends Schedulable> D schedule(List<D> destinations, Flow flow) {
        if (maximumWeight == 0) {
            return null;
        }
        int position = last == null ? -1 : destinations.indexOf(last);
        int start = position;
        int stop = Integer.MIN_VALUE;
        boolean lastPass = false;
        boolean restarted = false;
        while (true) {
            for (int i = position + 1; i < destinations.size(); i++) {
                D candidate = destinations.get(i);
                if (!candidate.overloaded() && candidate.weight() >= currentWeight) {
                    last = candidate;
                    return candidate;
                }
                if (i == stop) {
                    last = candidate;
                    return null;
                }
            }
            position = -1;
            currentWeight -= step;
            if (currentWeight <= 0) {
                currentWeight = maximumWeight;
                // A pass with cw = 1 over every destination found none: all are overloaded.
                if (lastPass || start == -1) {
                    last = null;
                    return null;
                }
                restarted = true;
            }
            lastPass = currentWeight <= step;
            if (lastPass && restarted && start != -1) {
                // The pass that ended the cycle covered only the destinations after the start; cover the rest.
                stop = start;
            }
        }
    }

    private static int gcdOfWeights(List<? extends Schedulable> destinations) {
        int gcd = 0;
        for (Schedulable destination : destinations) {
            int weight = destination.weight();
            if (weight > 0) {
                gcd = gcd > 0 ? gcd(weight, gcd) : weight;
            }
        }
        return gcd > 0 ? gcd : 1;
    }

    private static int maximumWeight(List<? extends Schedulable> destinations) {
        int maximum = 0;
        for (Schedulable destination : destinations) {
            maximum = Math.max(maximum, destination.weight());
        }
        return maximum;
    }

    static int gcd(int a, int b) {
        while (b != 0) {
            int remainder = a % b;
            a = b;
            b = remainder;
        }
        return a;
    }
}
