package org.jkeepalived.core.internal.memory;

import java.util.Arrays;

/**
 * Where ZGC's soft heap limit should be for what collections leave in use. ZGC collects early to
 * stay under the limit; once what it leaves in use nears it, it collects back to back: a small
 * configuration left about 70 MB in use (some 20 MB live, the rest a 32 MB medium page that ZGC
 * counts whole), over the launcher's 64 MB, and ZGC collected ten times a second while idle;
 * 10,000 real servers keep about 150 MB. A collection's work grows with the live heap and their
 * number with the allocations over the room left above it, so the limit is kept at
 * {@value #FACTOR} times the live heap (never under the launcher's): the collections then take a
 * fixed share of the CPU for a given rate of allocation, whatever the configuration's size. What a
 * collection leaves in use counts what was allocated while it ran, so the live heap is taken as the
 * least of the last {@value #WINDOW}; the limit moves once off by more than a quarter, not at every
 * collection.
 */
final class SoftHeapLimit {

    private static final int FACTOR = 3;
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
        long wanted = Math.min(max, Math.max(floor, (FACTOR * live + MB - 1) / MB * MB));
        if (4 * wanted <= 5 * current && 4 * wanted >= 3 * current) {
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
