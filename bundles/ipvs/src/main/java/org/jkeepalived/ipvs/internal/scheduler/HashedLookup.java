package org.jkeepalived.ipvs.internal.scheduler;

import java.util.List;

/**
 * The schedulers that hash a client into a table of destinations, sh and mh: the client's address
 * (and port, with the -port flag) picks a slot. Without -fallback a client whose destination is
 * unavailable gets none; with it, the slots at growing offsets from its own are tried in turn.
 */
abstract class HashedLookup implements SchedulingAlgorithm {

    private final boolean fallback;
    private final boolean port;
    /** The slots, filled by {@link #destinationsChanged}. */
    final Schedulable[] table;

    /**
     * @param size the number of slots
     * @param fallback the -fallback flag
     * @param port the -port flag
     */
    HashedLookup(int size, boolean fallback, boolean port) {
        this.table = new Schedulable[size];
        this.fallback = fallback;
        this.port = port;
    }

    /**
     * @param key the client's hash key
     * @param offset how far from the client's own slot
     * @return the slot
     */
    abstract int slot(int key, int offset);

    @Override
    @SuppressWarnings("unchecked")
    public final <D extends Schedulable> D schedule(List<D> destinations, Flow flow) {
        int sourcePort = port ? flow.sourcePort() : 0;
        int key = sourcePort + AddressHash.fold(flow.source());
        int first = slot(key, 0);
        Schedulable destination = table[first];
        if (destination == null) {
            return null;
        }
        if (destination.available()) {
            return (D) destination;
        }
        if (!fallback) {
            return null;
        }
        for (int offset = 0; offset < table.length; offset++) {
            destination = table[slot(key, (offset + first) % table.length)];
            if (destination == null) {
                return null;
            }
            if (destination.available()) {
                return (D) destination;
            }
        }
        return null;
    }
}
