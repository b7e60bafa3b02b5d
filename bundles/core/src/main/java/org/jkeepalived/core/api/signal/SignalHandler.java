package org.jkeepalived.core.api.signal;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a bundle does when the process receives a signal. Register an implementation as an OSGi
 * service (whiteboard pattern): the signal is caught while at least one handler for it is
 * registered, and left as it was before when the last one goes.
 *
 * <p>Each signal has a thread of its own: {@link #handle()} runs there, never in the signal's
 * context, one delivery at a time, so that a signal received during a long reload waits its turn.
 * Handlers of different signals do not wait for each other. A handler that throws is logged.
 */
@ConsumerType
public interface SignalHandler {

    /** @return the signal this handler answers */
    ProcessSignal signal();

    /** The process received the signal. */
    void handle();
}
