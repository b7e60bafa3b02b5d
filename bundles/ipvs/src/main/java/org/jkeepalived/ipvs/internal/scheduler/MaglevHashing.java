package org.jkeepalived.ipvs.internal.scheduler;

import java.util.Arrays;
import java.util.List;

/**
 * mh ({@code ip_vs_mh.c}): Maglev hashing (Eisenbud et al., NSDI 2016, section 3.4). Each destination
 * has a permutation of a prime-sized lookup table, from an offset and a skip hashed from its address
 * and port; destinations take turns, in list order and as many turns as their weight over the
 * weights' divisor, to claim their next free position until the table is full. A client's address
 * (and port, with mh-port) hashed into the table gives its destination, and a change of destinations
 * moves few clients. Without mh-fallback a client whose destination is unavailable gets none; with
 * it, the positions after its own are tried in the order of the hash with growing offsets.
 */
final class MaglevHashing extends HashedLookup {

    /** The kernel's default table size, the prime for {@code CONFIG_IP_VS_MH_TAB_INDEX} 12. */
    static final int TABLE_SIZE = 4093;
    /** The bits of weight kept after dividing by the divisor ({@code IP_VS_MH_TAB_BITS}). */
    private static final int TABLE_BITS = 12 / 2;
    /** The kernel's fixed keys, so that every balancer builds the same table. */
    private static final SipHash13 OFFSET_HASH = new SipHash13(2654435761L, 2654435761L);
    private static final SipHash13 SKIP_HASH = new SipHash13(2654446892L, 2654446892L);


    MaglevHashing(boolean fallback, boolean port) {
        super(TABLE_SIZE, fallback, port);
    }

    @Override
    public void destinationsChanged(List<? extends Schedulable> current) {
        int gcd = 0;
        int maximum = 0;
        for (Schedulable destination : current) {
            int weight = destination.lastWeight();
            if (weight > 0) {
                gcd = gcd > 0 ? WeightedRoundRobin.gcd(weight, gcd) : weight;
            }
            maximum = Math.max(maximum, weight);
        }
        if (gcd < 1) {
            Arrays.fill(table, null);
            return;
        }
        // Large weights are shifted down so that turns stay within TABLE_BITS bits.
        int shift = Math.max(0, (32 - Integer.numberOfLeadingZeros(maximum / gcd)) - TABLE_BITS);
        int count = current.size();
        long[] permutation = new long[count];
        long[] skip = new long[count];
        int[] turns = new int[count];
        for (int i = 0; i < count; i++) {
            Schedulable destination = current.get(i);
            int key = destination.key().port() + AddressHash.fold(destination.key().address());
            permutation[i] = OFFSET_HASH.hash(key) % TABLE_SIZE;
            skip[i] = SKIP_HASH.hash(key) % (TABLE_SIZE - 1) + 1;
            int weight = destination.lastWeight();
            int shifted = (weight / gcd) >> shift;
            turns[i] = shifted != 0 ? shifted : (weight != 0 ? 1 : 0);
        }
        populate(current, permutation, skip, turns);
    }

    private void populate(List<? extends Schedulable> current, long[] permutation, long[] skip, int[] turns) {
        boolean[] taken = new boolean[TABLE_SIZE];
        int filled = 0;
        int turnsTaken = 0;
        while (true) {
            for (int i = 0; i < current.size(); ) {
                if (turns[i] < 1) {
                    i++;
                    continue;
                }
                int position = (int) permutation[i];
                while (taken[position]) {
                    permutation[i] += skip[i];
                    if (permutation[i] >= TABLE_SIZE) {
                        permutation[i] -= TABLE_SIZE;
                    }
                    position = (int) permutation[i];
                }
                taken[position] = true;
                table[position] = current.get(i);
                if (++filled == TABLE_SIZE) {
                    return;
                }
                if (++turnsTaken >= turns[i]) {
                    turnsTaken = 0;
                    i++;
                }
            }
        }
    }

    @Override
    int slot(int key, int offset) {
        return position(key, offset);
    }

    /** {@code ip_vs_mh_hashkey(..., offset) % IP_VS_MH_TAB_SIZE}. */
    static int position(int key, int offset) {
        return (int) (OFFSET_HASH.hash(offset + key) % TABLE_SIZE);
    }
}
