package org.jkeepalived.vrrp.internal.fsm;

import static org.assertj.core.api.Assertions.assertThat;

import org.jkeepalived.vrrp.internal.codec.VrrpVersion;
import org.junit.jupiter.api.Test;

/** Skew_Time and Master_Down_Interval to the microsecond, as keepalived truncates them. */
class VrrpTimersTest {

    @Test
    void v2SkewIsAFractionOfASecond() {
        assertThat(VrrpTimers.skewTime(VrrpVersion.V2, 100, 1_000_000)).isEqualTo(609_375);
        assertThat(VrrpTimers.skewTime(VrrpVersion.V2, 150, 1_000_000)).isEqualTo(414_062);
        assertThat(VrrpTimers.skewTime(VrrpVersion.V2, 255, 1_000_000)).isEqualTo(3_906);
        // RFC 3768: the skew does not depend on the interval
        assertThat(VrrpTimers.skewTime(VrrpVersion.V2, 100, 5_000_000)).isEqualTo(609_375);
    }

    @Test
    void v3SkewScalesWithTheMasterInterval() {
        assertThat(VrrpTimers.skewTime(VrrpVersion.V3, 100, 1_000_000)).isEqualTo(609_375);
        assertThat(VrrpTimers.skewTime(VrrpVersion.V3, 100, 500_000)).isEqualTo(304_687);
        assertThat(VrrpTimers.skewTime(VrrpVersion.V3, 255, 40_950_000)).isEqualTo(159_960);
    }

    @Test
    void masterDownIntervalIsThreeIntervalsAndTheSkew() {
        assertThat(VrrpTimers.masterDownInterval(VrrpVersion.V2, 100, 1_000_000, 3)).isEqualTo(3_609_375);
        assertThat(VrrpTimers.masterDownInterval(VrrpVersion.V3, 100, 500_000, 3)).isEqualTo(1_804_687);
        assertThat(VrrpTimers.masterDownInterval(VrrpVersion.V2, 100, 1_000_000, 1)).isEqualTo(1_609_375);
    }

    @Test
    void theMinimumSkewIsThatOfTheOwner() {
        assertThat(VrrpTimers.minimumSkewTime(VrrpVersion.V2, 1_000_000)).isEqualTo(3_906);
        assertThat(VrrpTimers.minimumSkewTime(VrrpVersion.V3, 1_000_000)).isEqualTo(3_906);
    }
}
