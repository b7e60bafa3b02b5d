package org.jkeepalived.config.internal.bind;

import java.time.Duration;
import java.util.function.Function;

/**
 * The checker timers a virtual server, a real server and a checker block can each set: the
 * checker's value wins, then the real server's, then the virtual server's (keepalived.conf(5),
 * "LVS CONFIGURATION").
 */
final class Timers {

    private static final Duration DAY = Duration.ofDays(1);

    Duration connectTimeout;
    Integer retry;
    Duration delayBeforeRetry;
    Duration warmup;
    Duration delayLoop;

    /** Adds the timer keywords to a section whose draft holds {@code Timers}. */
    static <D> void addTo(Keywords<D> keywords, Function<D, Timers> timers) {
        keywords.add("connect_timeout", "connect_timeout SECONDS", (d, a) -> a.singleTimer(Duration.ofMillis(1), DAY)
                        .ifPresent(v -> timers.apply(d).connectTimeout = v))
                .add("retry", "retry COUNT", (d, a) -> a.singleInt(0, Integer.MAX_VALUE).ifPresent(v -> timers.apply(d).retry = v))
                .add("delay_before_retry", "delay_before_retry SECONDS", (d, a) -> a.singleTimer(Duration.ZERO, DAY)
                        .ifPresent(v -> timers.apply(d).delayBeforeRetry = v))
                .add("warmup", "warmup SECONDS", (d, a) -> a.singleTimer(Duration.ZERO, DAY)
                        .ifPresent(v -> timers.apply(d).warmup = v))
                .add("delay_loop", "delay_loop SECONDS", (d, a) -> a.singleTimer(Duration.ofMillis(1), DAY)
                        .ifPresent(v -> timers.apply(d).delayLoop = v));
    }

    /** @return these timers, with the parent's where these leave one unset */
    Timers over(Timers parent) {
        Timers merged = new Timers();
        merged.connectTimeout = connectTimeout != null ? connectTimeout : parent.connectTimeout;
        merged.retry = retry != null ? retry : parent.retry;
        merged.delayBeforeRetry = delayBeforeRetry != null ? delayBeforeRetry : parent.delayBeforeRetry;
        merged.warmup = warmup != null ? warmup : parent.warmup;
        merged.delayLoop = delayLoop != null ? delayLoop : parent.delayLoop;
        return merged;
    }
}
