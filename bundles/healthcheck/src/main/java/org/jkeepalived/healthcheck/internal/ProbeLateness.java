package org.jkeepalived.healthcheck.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How late probes start against their deadlines, recorded from every checker loop without locks.
 * Lateness is counted in microseconds in buckets of one eighth of a power of two, so that figures
 * are exact below 16 us and within 12.5% above.
 */
public final class ProbeLateness {

    /** Sub-buckets per power of two. */
    private static final int SUB_BITS = 3;
    private static final int SUBS = 1 << SUB_BITS;
    private static final int BUCKETS = (64 - SUB_BITS) * SUBS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    /**
     * @param latenessNanos how late a probe started; early counts as on time
     */
    void record(long latenessNanos) {
        counts.incrementAndGet(bucket(Math.max(0, TimeUnit.NANOSECONDS.toMicros(latenessNanos))));
    }

    /** @return what was recorded so far */
    public Histogram histogram() {
        long[] copy = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            copy[i] = counts.get(i);
        }
        return new Histogram(copy);
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

    /** Probe starts counted by lateness, at one moment; two of them give the figures of the time between. */
    public static final class Histogram {
        private final long[] counts;

        private Histogram(long[] counts) {
            this.counts = counts;
        }

        /**
         * @param earlier a histogram taken before this one
         * @return the probe starts recorded between the two
         */
        public Histogram since(Histogram earlier) {
            long[] difference = new long[BUCKETS];
            for (int i = 0; i < BUCKETS; i++) {
                difference[i] = counts[i] - earlier.counts[i];
            }
            return new Histogram(difference);
        }

        /** @return the probes started */
        public long count() {
            long total = 0;
            for (long count : counts) {
                total += count;
            }
            return total;
        }

        /**
         * @param percent from 0 to 100
         * @return the lateness that this share of the probe starts did not exceed, zero if there were none
         */
        public Duration percentile(double percent) {
            long rank = Math.max(1, (long) Math.ceil(percent / 100 * count()));
            long seen = 0;
            for (int i = 0; i < BUCKETS; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return micros(upperBound(i));
                }
            }
            return Duration.ZERO;
        }

        /** @return the latest start, zero if there were none */
        public Duration max() {
            for (int i = BUCKETS - 1; i >= 0; i--) {
                if (counts[i] > 0) {
                    return micros(upperBound(i));
                }
            }
            return Duration.ZERO;
        }

        private static Duration micros(long micros) {
            return Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(micros));
        }
    }
}
