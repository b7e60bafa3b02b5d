package org.jkeepalived.vrrp.internal.fsm;

import org.jkeepalived.vrrp.internal.codec.VrrpVersion;

/**
 * The timer arithmetic of RFC 3768 section 6.1 and RFC 5798 section 6.1, in microseconds and with
 * integer truncation exactly as keepalived computes it ({@code VRRP_TIMER_SKEW} in vrrp.h), so that
 * both implementations take over at the same moment.
 */
public final class VrrpTimers {

    /** Microseconds per second. */
    public static final long MICROS_PER_SECOND = 1_000_000;

    /** Microseconds per centisecond, the unit of VRRPv3 intervals. */
    public static final long MICROS_PER_CENTISECOND = 10_000;

    private VrrpTimers() {
    }

    /**
     * Skew_Time: v2 {@code (256 - Priority) / 256} seconds; v3
     * {@code ((256 - Priority) * Master_Adver_Interval) / 256}.
     *
     * @param version the VRRP version
     * @param priority the instance's priority
     * @param masterAdverIntervalMicros Master_Adver_Interval
     * @return Skew_Time in microseconds
     */
    public static long skewTime(VrrpVersion version, int priority, long masterAdverIntervalMicros) {
        return skew(version, 256 - priority, masterAdverIntervalMicros);
    }

    /**
     * The smallest skew, of priority 255: how long a non-owner configured {@code state MASTER} waits
     * beyond one interval at start.
     *
     * @param version the VRRP version
     * @param masterAdverIntervalMicros Master_Adver_Interval
     * @return the skew in microseconds
     */
    public static long minimumSkewTime(VrrpVersion version, long masterAdverIntervalMicros) {
        return skew(version, 1, masterAdverIntervalMicros);
    }

    /**
     * Master_Down_Interval: {@code 3 * Master_Adver_Interval + Skew_Time}, with keepalived's
     * down_timer_adverts in place of the 3.
     *
     * @param version the VRRP version
     * @param priority the instance's priority
     * @param masterAdverIntervalMicros Master_Adver_Interval
     * @param downTimerAdverts the number of intervals, 3 in the RFCs
     * @return Master_Down_Interval in microseconds
     */
    public static long masterDownInterval(VrrpVersion version, int priority, long masterAdverIntervalMicros,
            int downTimerAdverts) {
        return downTimerAdverts * masterAdverIntervalMicros + skewTime(version, priority, masterAdverIntervalMicros);
    }

    private static long skew(VrrpVersion version, int weight, long masterAdverIntervalMicros) {
        if (version == VrrpVersion.V3) {
            // 625 / 16 is 10000 / 256: keepalived reduces the fraction to stay in 32 bits
            return weight * (masterAdverIntervalMicros / MICROS_PER_CENTISECOND) * 625 / 16;
        }
        return weight * MICROS_PER_SECOND / 256;
    }
}
