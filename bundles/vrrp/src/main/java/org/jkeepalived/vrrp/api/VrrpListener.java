package org.jkeepalived.vrrp.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every change of state of the VRRP instances and sync groups. Register an implementation
 * as an OSGi service (whiteboard pattern), for alerts, metrics or an application of one's own.
 *
 * <p>Each listener is called on a thread of its own, one change at a time, in the order they
 * happened: a slow listener delays only itself, never VRRP. A listener hears the changes after it
 * registers; {@link VrrpService#instances()} gives the states of the moment.
 */
@ConsumerType
public interface VrrpListener {

    /**
     * An instance or sync group changed state.
     *
     * @param transition the change
     */
    void stateChanged(VrrpTransition transition);
}
