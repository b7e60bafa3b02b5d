package org.jkeepalived.ipvs.internal.scheduler;

import java.util.List;

/**
 * dh ({@code ip_vs_dh.c}): a table of 256 buckets filled with the destinations in list order, one
 * bucket each in turn, and the address a connection was sent to hashed into it. For a virtual
 * service of one address every connection hashes alike: dh sends them all to one destination.
 */
final class DestinationHashing implements SchedulingAlgorithm {

    private static final int TABLE_SIZE = 256;

    private final Schedulable[] buckets = new Schedulable[TABLE_SIZE];

    @Override
    public void destinationsChanged(List<? extends Schedulable> current) {
        for (int bucket = 0; bucket < TABLE_SIZE; bucket++) {
            buckets[bucket] = current.isEmpty() ? null : current.get(bucket % current.size());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <D extends Schedulable> D schedule(List<D> destinations, Flow flow) {
        Schedulable destination = buckets[(AddressHash.fold(flow.destination()) * AddressHash.KNUTH) & (TABLE_SIZE - 1)];
        return destination != null && destination.available() ? (D) destination : null;
    }
}
