package org.jkeepalived.healthcheck.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every change of a real server's health. Register an implementation as an OSGi service
 * (whiteboard pattern).
 *
 * <p>Each listener is called on a thread of its own, one event at a time, in the order the
 * changes happened; a slow listener delays only itself. A listener registered while
 * real servers are checked is first told {@link HealthEvent.Kind#ADDED} for each of them, with its
 * health at that moment, and then every change after it, with nothing missed or told twice.
 *
 * <p>When the engine stops nothing is said: a data plane keeps what it has. When it starts again its
 * listeners are told {@code ADDED} afresh.
 */
@ConsumerType
public interface HealthListener {

    /**
     * A real server's health changed.
     *
     * @param event the change
     */
    void healthChanged(HealthEvent event);
}
