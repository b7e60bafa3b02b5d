package org.jkeepalived.core.api.loop;

import org.osgi.annotation.versioning.ConsumerType;

/** Reacts to a file descriptor becoming ready. */
@ConsumerType
@FunctionalInterface
public interface FdHandler {

    /**
     * Called on the loop's thread when the descriptor is ready. Must not block: read or write until
     * {@code EAGAIN}, then return.
     *
     * @param readyEvents a mask of {@link FdEvents} values
     */
    void ready(int readyEvents);
}
