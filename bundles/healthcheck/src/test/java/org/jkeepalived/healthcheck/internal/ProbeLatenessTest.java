package org.jkeepalived.healthcheck.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ProbeLatenessTest {

    @Test
    void everyValueFallsInABucketThatHoldsIt() {
        for (long micros : new long[] {0, 1, 7, 8, 15, 16, 17, 100, 1_000, 123_456, 5_000_000, Long.MAX_VALUE / 2}) {
            int bucket = ProbeLateness.bucket(micros);
            assertThat(ProbeLateness.upperBound(bucket)).isGreaterThanOrEqualTo(micros);
            if (bucket > 0) {
                assertThat(ProbeLateness.upperBound(bucket - 1)).isLessThan(micros);
            }
        }
    }

    @Test
    void bucketsAreExactBelowSixteenMicrosecondsAndWithinAnEighthAbove() {
        assertThat(ProbeLateness.upperBound(ProbeLateness.bucket(15))).isEqualTo(15);
        long upper = ProbeLateness.upperBound(ProbeLateness.bucket(1_000_000));
        assertThat(upper).isBetween(1_000_000L, 1_125_000L);
    }

    @Test
    void percentilesComeFromTheRecordedStarts() {
        ProbeLateness lateness = new ProbeLateness();
        for (int i = 0; i < 98; i++) {
            lateness.record(TimeUnit.MICROSECONDS.toNanos(10));
        }
        lateness.record(TimeUnit.MILLISECONDS.toNanos(3));
        lateness.record(TimeUnit.MILLISECONDS.toNanos(40));
        lateness.record(-5_000);

        assertThat(lateness.started()).isEqualTo(101);
        assertThat(lateness.percentile(50)).isEqualTo(Duration.ofNanos(10_000));
        assertThat(lateness.percentile(99)).isBetween(Duration.ofMillis(3), Duration.ofNanos(3_375_000));
        assertThat(lateness.percentile(100)).isEqualTo(Duration.ofMillis(40));
        assertThat(lateness.max()).isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void nothingRecordedIsZero() {
        assertThat(new ProbeLateness().percentile(99)).isZero();
    }
}
