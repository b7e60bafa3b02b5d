package org.jkeepalived.healthcheck.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * How late probes start against their deadlines, recorded from every checker loop without locks.
 * Lateness is counted in microseconds in buckets of one eighth of a power of two, so a percentile
 * is exact below 16 us and within 12.5% above.
 */
final class ProbeLateness {

    /** Sub-buckets per power of two. */
    private static final int SUB_BITS = 3;
    private static final int SUBS = 1 << SUB_BITS;
    private static final int BUCKETS = (64 - SUB_BITS) * SUBS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAdder started = new LongAdder();
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);

    /**
     * @param latenessNanos how late a probe started; negative (early) counts as 0
     */
    void record(long latenessNanos) {
        long micros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(latenessNanos));
        counts.incrementAndGet(bucket(micros));
        started.increment();
        max.accumulate(micros);
    }

    /** @return the probes started */
    long started() {
        return started.sum();
    }

    /** @return the latest start */
    Duration max() {
        return Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(max.get()));
    }

    /**
     * @param percent from 0 to 100
     * @return the lateness that this share of the probes did not exceed (the upper bound of its bucket)
     */
    Duration percentile(double percent) {
        long total = 0;
        long[] snapshot = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
            total += snapshot[i];
        }
        if (total == 0) {
            return Duration.ZERO;
        }
        long rank = Math.max(1, (long) Math.ceil(percent / 100 * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(Math.min(upperBound(i), max.get())));
            }
        }
        return max();
    }

    static int bucket(long micros) {
        if (micros < SUBS) {
            return (int) micros;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(micros);
        int sub = (int) (micros >>> (exponent - SUB_BITS)) & (SUBS - 1);
        return (exponent - SUB_BITS + 1) * SUBS + sub;
    }

    /** @return the largest value that falls in bucket {@code index} */
    static long upperBound(int index) {
        if (index < SUBS) {
            return index;
        }
        int exponent = index / SUBS + SUB_BITS - 1;
        long sub = index % SUBS;
        long lower = (SUBS + sub) << (exponent - SUB_BITS);
        return lower + (1L << (exponent - SUB_BITS)) - 1;
    }
}
