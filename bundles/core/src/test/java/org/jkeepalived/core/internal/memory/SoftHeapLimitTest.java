package org.jkeepalived.core.internal.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoftHeapLimitTest {

    private static final long MB = 1L << 20;
    private static final long MAX = 6144 * MB;

    private final SoftHeapLimit limit = new SoftHeapLimit(64 * MB);

    @Test
    void aSmallLiveHeapKeepsTheLaunchersLimit() {
        assertThat(limit.afterCollection(20 * MB, MAX)).isEqualTo(-1);
        assertThat(limit.afterCollection(40 * MB, MAX)).as("wants 80 MB, a quarter more than 64").isEqualTo(-1);
    }

    @Test
    void aLargeLiveHeapGetsTwiceItsSize() {
        assertThat(limit.afterCollection(150 * MB, MAX)).isEqualTo(300 * MB);
    }

    @Test
    void theLiveHeapIsTheLeastOfTheLastFourCollectionsSoOneThatRanDuringAnAllocationBurstMovesNothing() {
        limit.afterCollection(150 * MB, MAX);
        assertThat(limit.afterCollection(366 * MB, MAX)).isEqualTo(-1);
        assertThat(limit.afterCollection(200 * MB, MAX)).isEqualTo(-1);
        assertThat(limit.afterCollection(220 * MB, MAX)).isEqualTo(-1);
        assertThat(limit.afterCollection(210 * MB, MAX)).as("the 150 MB collection is four ago: 200 MB live").isEqualTo(400 * MB);
    }

    @Test
    void aLiveHeapThatWaversMovesNothing() {
        limit.afterCollection(150 * MB, MAX);
        assertThat(limit.afterCollection(180 * MB, MAX)).isEqualTo(-1);
        assertThat(limit.afterCollection(80 * MB, MAX)).as("wants 160 MB, over half of 300").isEqualTo(-1);
    }

    @Test
    void oncePartOfTheConfigurationIsGoneTheLimitComesBackDownToTheLaunchers() {
        limit.afterCollection(150 * MB, MAX);
        assertThat(limit.afterCollection(30 * MB, MAX)).isEqualTo(64 * MB);
        assertThat(limit.afterCollection(10 * MB, MAX)).as("never under the launcher's").isEqualTo(-1);
    }

    @Test
    void theLimitNeverPassesTheMaximumHeap() {
        assertThat(limit.afterCollection(150 * MB, 256 * MB)).isEqualTo(256 * MB);
    }
}
