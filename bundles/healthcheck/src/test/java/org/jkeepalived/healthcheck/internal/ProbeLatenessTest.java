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
        assertThat(ProbeLateness.upperBound(ProbeLateness.bucket(1_000_000))).isBetween(1_000_000L, 1_125_000L);
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

        ProbeLateness.Histogram histogram = lateness.histogram();
        assertThat(histogram.count()).isEqualTo(101);
        assertThat(histogram.percentile(50)).isEqualTo(Duration.ofNanos(10_000));
        assertThat(histogram.percentile(99)).isBetween(Duration.ofMillis(3), Duration.ofNanos(3_375_000));
        assertThat(histogram.max()).isBetween(Duration.ofMillis(40), Duration.ofMillis(45));
    }

    @Test
    void aSpanOfTimeLeavesOutWhatCameBefore() {
        ProbeLateness lateness = new ProbeLateness();
        lateness.record(TimeUnit.SECONDS.toNanos(1));
        ProbeLateness.Histogram before = lateness.histogram();
        lateness.record(TimeUnit.MICROSECONDS.toNanos(5));
        lateness.record(TimeUnit.MICROSECONDS.toNanos(7));

        ProbeLateness.Histogram span = lateness.histogram().since(before);

        assertThat(span.count()).isEqualTo(2);
        assertThat(span.max()).isEqualTo(Duration.ofNanos(7_000));
        assertThat(span.percentile(50)).isEqualTo(Duration.ofNanos(5_000));
    }

    @Test
    void nothingRecordedIsZero() {
        assertThat(new ProbeLateness().histogram().percentile(99)).isZero();
        assertThat(new ProbeLateness().histogram().max()).isZero();
    }
}
