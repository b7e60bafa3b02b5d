package org.jkeepalived.core.api.loop;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The service that creates event loops and knows all of them, so that the watchdog can send each a
 * hello and the shell can list them.
 */
@ProviderType
public interface EventLoops {

    /**
     * Creates and starts a loop. Its owner closes it when done; loops still open when this service
     * stops are closed then.
     *
     * @param name the loop's name, for example {@code vrrp}; unique among open loops
     * @return the running loop
     * @throws IllegalArgumentException if a loop of that name is open
     */
    EventLoop open(String name);

    /** @return the open loops */
    List<EventLoop> loops();
}
