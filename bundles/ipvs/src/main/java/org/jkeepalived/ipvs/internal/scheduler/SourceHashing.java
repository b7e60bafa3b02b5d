package org.jkeepalived.ipvs.internal.scheduler;

import java.util.List;

/**
 * sh ({@code ip_vs_sh.c}): a table of 256 buckets, filled in list order with each destination taking
 * as many consecutive buckets as its weight (at least one), and the client's address (and port, with
 * sh-port) hashed into it, so that a client keeps its destination while the list does not change.
 * Without sh-fallback a client whose destination is unavailable gets none; with it, the buckets
 * after its own are tried in the order of the hash with growing offsets.
 */
final class SourceHashing extends HashedLookup {

    static final int TABLE_BITS = 8;
    static final int TABLE_SIZE = 1 << TABLE_BITS;


    SourceHashing(boolean fallback, boolean port) {
        super(TABLE_SIZE, fallback, port);
    }

    @Override
    public void destinationsChanged(List<? extends Schedulable> current) {
        int next = 0;
        int taken = 0;
        for (int bucket = 0; bucket < TABLE_SIZE; bucket++) {
            if (current.isEmpty()) {
                table[bucket] = null;
                continue;
            }
            Schedulable destination = current.get(next);
            table[bucket] = destination;
            if (++taken >= destination.weight()) {
                next = (next + 1) % current.size();
                taken = 0;
            }
        }
    }

    @Override
    int slot(int key, int offset) {
        return bucket(key, offset);
    }

    /** {@code ip_vs_sh_hashkey}: the offset plus the hash of port and address, in the table. */
    static int bucket(int key, int offset) {
        return (offset + AddressHash.hash32(key, TABLE_BITS)) & (TABLE_SIZE - 1);
    }
}
