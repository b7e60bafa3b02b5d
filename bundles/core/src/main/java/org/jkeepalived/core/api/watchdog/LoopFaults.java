package org.jkeepalived.core.api.watchdog;

import java.time.Duration;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Fault injection, to prove the watchdog: blocks a supervised loop as a bug would. The service is
 * registered only when the framework property {@code jkeepalived.watchdog.fault-injection} is
 * {@code true}, never otherwise.
 */
@ProviderType
public interface LoopFaults {

    /** The framework property that registers this service when {@code true}. */
    String ENABLE_PROPERTY = "jkeepalived.watchdog.fault-injection";

    /** @return the names of the loops the watchdog supervises now */
    Set<String> loops();

    /**
     * Posts to the loop a task that holds its thread for {@code duration}, or until the thread is
     * interrupted.
     *
     * @param loop a loop's name, one of {@link #loops()}
     * @param duration how long to hold it
     * @throws IllegalArgumentException if no supervised loop has that name
     */
    void block(String loop, Duration duration);
}
