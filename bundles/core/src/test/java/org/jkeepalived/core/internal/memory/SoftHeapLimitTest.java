package org.jkeepalived.core.internal.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoftHeapLimitTest {

    private static final long MB = 1L << 20;
    private static final long MAX = 6144 * MB;

    private final SoftHeapLimit limit = new SoftHeapLimit(64 * MB);

    @Test
    void aSmallHeapInUseKeepsTheLaunchersLimit() {
        assertThat(limit.afterCollection(20 * MB, MAX)).isEqualTo(-1);
        assertThat(limit.afterCollection(26 * MB, MAX)).as("wants 78 MB, within a quarter of 64").isEqualTo(-1);
    }

    @Test
    void aHeapInUseOverAThirdOfTheLaunchersLimitGetsThreeTimesItsSize() {
        assertThat(limit.afterCollection(70 * MB, MAX)).isEqualTo(210 * MB);
        assertThat(new SoftHeapLimit(64 * MB).afterCollection(150 * MB, MAX)).isEqualTo(450 * MB);
    }

    @Test
    void theHeapInUseIsTheLeastOfTheLastFourCollectionsSoOneThatRanDuringAnAllocationBurstMovesNothing() {
        limit.afterCollection(150 * MB, MAX);
        assertThat(limit.afterCollection(366 * MB, MAX)).isEqualTo(-1);
        assertThat(limit.afterCollection(200 * MB, MAX)).isEqualTo(-1);
        assertThat(limit.afterCollection(220 * MB, MAX)).isEqualTo(-1);
        assertThat(limit.afterCollection(210 * MB, MAX)).as("the 150 MB collection is four ago: 200 MB in use").isEqualTo(600 * MB);
    }

    @Test
    void aHeapInUseThatWaversWithinAQuarterMovesNothing() {
        limit.afterCollection(150 * MB, MAX);
        assertThat(limit.afterCollection(180 * MB, MAX)).as("150 MB still the least of the last four").isEqualTo(-1);
        assertThat(limit.afterCollection(120 * MB, MAX)).as("wants 360 MB, within a quarter of 450").isEqualTo(-1);
    }

    @Test
    void oncePartOfTheConfigurationIsGoneTheLimitComesBackDownToTheLaunchers() {
        limit.afterCollection(150 * MB, MAX);
        assertThat(limit.afterCollection(100 * MB, MAX)).isEqualTo(300 * MB);
        assertThat(limit.afterCollection(10 * MB, MAX)).isEqualTo(64 * MB);
        assertThat(limit.afterCollection(5 * MB, MAX)).as("never under the launcher's").isEqualTo(-1);
    }

    @Test
    void theLimitNeverPassesTheMaximumHeap() {
        assertThat(limit.afterCollection(150 * MB, 256 * MB)).isEqualTo(256 * MB);
    }
}
