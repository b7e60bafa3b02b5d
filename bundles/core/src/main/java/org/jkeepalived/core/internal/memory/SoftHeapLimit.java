package org.jkeepalived.core.internal.memory;

import java.util.Arrays;

/**
 * Where ZGC's soft heap limit should be for what collections leave in use. ZGC collects early to
 * stay under the limit; once the live heap nears it, it collects back to back: 10,000 real servers
 * keep about 150 MB live, and under the launcher's 64 MB the collections took more CPU than the checks.
 * The limit is kept at twice the live heap, never under the launcher's, so that a small configuration
 * keeps a small heap. What a collection leaves in use counts what was allocated while it ran, so the
 * live heap is taken as the least of the last {@value #WINDOW}; the limit moves once that wants a
 * quarter more or under half of it, not at every collection.
 */
final class SoftHeapLimit {

    private static final int WINDOW = 4;
    private static final long MB = 1L << 20;

    private final long floor;
    private final long[] recent = new long[WINDOW];
    private int collections;
    private long live;
    private long current;

    /** @param floor the launcher's limit, in bytes: never set lower */
    SoftHeapLimit(long floor) {
        this.floor = floor;
        this.current = floor;
    }

    /**
     * @param inUse the heap in use after a collection, in bytes
     * @param max the heap's maximum, in bytes
     * @return the limit to set, or -1 to keep the current one
     */
    long afterCollection(long inUse, long max) {
        recent[collections++ % WINDOW] = inUse;
        live = Arrays.stream(recent, 0, Math.min(collections, WINDOW)).min().orElseThrow();
        long wanted = Math.min(max, Math.max(floor, (2 * live + MB - 1) / MB * MB));
        if (4 * wanted <= 5 * current && 2 * wanted >= current) {
            return -1;
        }
        current = wanted;
        return wanted;
    }

    /** @return the live heap as last taken, in bytes */
    long live() {
        return live;
    }
}
