package org.jkeepalived.core.internal.watchdog;

import java.time.Duration;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How often the watchdog says hello and how long a loop may take to answer. The defaults follow
 * VRRP's own rule for a silent master (three missed adverts at the default advert_int of 1 s): a
 * hello every second, stuck after three seconds without an answer.
 *
 * @param interval the time between two hellos to one loop
 * @param timeout how long a hello may wait before its loop is stuck
 */
record WatchdogSettings(Duration interval, Duration timeout) {

    /** The framework property of the interval, in milliseconds. */
    static final String INTERVAL_PROPERTY = "jkeepalived.watchdog.interval";
    /** The framework property of the timeout, in milliseconds. */
    static final String TIMEOUT_PROPERTY = "jkeepalived.watchdog.timeout";
    static final WatchdogSettings DEFAULTS = new WatchdogSettings(Duration.ofSeconds(1), Duration.ofSeconds(3));

    private static final Logger LOG = LoggerFactory.getLogger(WatchdogSettings.class);

    WatchdogSettings {
        if (interval.isNegative() || interval.isZero() || timeout.compareTo(interval) < 0) {
            throw new IllegalArgumentException("the watchdog needs an interval above 0 and a timeout of at least"
                    + " the interval, not " + interval.toMillis() + " ms and " + timeout.toMillis() + " ms");
        }
    }

    /**
     * @param properties the framework properties
     * @return the settings they give; a value that is not a number of milliseconds, or a timeout
     *     shorter than the interval, is said and replaced by the default
     */
    static WatchdogSettings from(Function<String, String> properties) {
        Duration interval = millis(properties, INTERVAL_PROPERTY, DEFAULTS.interval);
        Duration timeout = millis(properties, TIMEOUT_PROPERTY, DEFAULTS.timeout);
        try {
            return new WatchdogSettings(interval, timeout);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}; using {} ms and {} ms", e.getMessage(), DEFAULTS.interval.toMillis(), DEFAULTS.timeout.toMillis());
            return DEFAULTS;
        }
    }

    private static Duration millis(Function<String, String> properties, String name, Duration otherwise) {
        String value = properties.apply(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            long millis = Long.parseLong(value.trim());
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        LOG.warn("{}={} is not a number of milliseconds above 0; using {}", name, value, otherwise.toMillis());
        return otherwise;
    }
}
