package org.jkeepalived.dump.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times and durations as keepalived's dumps write them. */
final class DumpTimes {

    /** ctime(3)'s layout with microseconds, as keepalived writes the time of a transition. */
    private static final DateTimeFormatter CTIME_MICROS =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss.SSSSSS yyyy", Locale.ROOT);

    private DumpTimes() {
    }

    /** @return seconds since the epoch with microseconds, for example {@code 1795449945.543907} */
    static String epochSeconds(Instant at) {
        return at.getEpochSecond() + "." + String.format(Locale.ROOT, "%06d", at.getNano() / 1000);
    }

    /** @return {@code 1795449945.543907 (Mon Nov 23 16:05:45.543907 2026)} in the local time zone */
    static String transition(Instant at, ZoneId zone) {
        return epochSeconds(at) + " (" + CTIME_MICROS.format(at.atZone(zone)) + ")";
    }

    /** @return whole seconds as keepalived writes intervals, {@code 1 sec}; below a second, {@code 500 milli-sec} */
    static String interval(Duration interval) {
        return interval.toMillis() % 1000 == 0 ? interval.toSeconds() + " sec" : interval.toMillis() + " milli-sec";
    }

    /** @return whole seconds, or seconds with their fraction, as a JSON number */
    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? Long.toString(duration.toSeconds())
                : String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }
}
