package org.jkeepalived.core.internal.memory;

import java.util.Arrays;

/**
 * Where ZGC's soft heap limit should be for what collections leave in use. ZGC collects early to
 * stay under the limit, and it counts in use whole pages, not live objects; once what a collection
 * leaves in use nears the limit, it collects back to back: a small configuration left about 70 MB in
 * use (some 20 MB live, the rest a 32 MB medium page counted whole), over the launcher's 64 MB, and
 * ZGC collected ten times a second while idle; 10,000 real servers keep about 150 MB. So the limit
 * follows what ZGC counts, at {@value #FACTOR} times what collections leave in use (never under the
 * launcher's): the room above is twice that, and so at least twice the live heap, which a
 * collection's work grows with, and the collections take no more than a fixed share of the CPU for
 * a given rate of allocation, whatever the configuration's size. What a collection leaves in use
 * also counts what was allocated while it ran, so the least of the last {@value #WINDOW} is taken;
 * the limit moves once off by more than a quarter, not at every collection.
 */
final class SoftHeapLimit {

    private static final int FACTOR = 3;
    private static final int WINDOW = 4;
    private static final long MB = 1L << 20;

    private final long floor;
    private final long[] recent = new long[WINDOW];
    private int collections;
    private long leftInUse;
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
        leftInUse = Arrays.stream(recent, 0, Math.min(collections, WINDOW)).min().orElseThrow();
        long wanted = Math.min(max, Math.max(floor, (FACTOR * leftInUse + MB - 1) / MB * MB));
        if (4 * wanted <= 5 * current && 4 * wanted >= 3 * current) {
            return -1;
        }
        current = wanted;
        return wanted;
    }

    /** @return the heap in use after collections as last taken, in bytes */
    long leftInUse() {
        return leftInUse;
    }
}
