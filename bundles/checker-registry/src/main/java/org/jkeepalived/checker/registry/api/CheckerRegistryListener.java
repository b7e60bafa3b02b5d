package org.jkeepalived.checker.registry.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when a keyword gains or loses the factory that serves it. Register an implementation as an
 * OSGi service (whiteboard pattern); it is first told of every keyword served at that moment.
 *
 * <p>Calls for one listener come one at a time, in the order the changes happened, never while
 * the registry holds a lock. When one factory takes over from another, {@link #checkerRemoved} of
 * the old one comes before {@link #checkerAdded} of the new one.
 */
@ConsumerType
public interface CheckerRegistryListener {

    /**
     * A factory now serves its keyword.
     *
     * @param registration the factory's registration
     */
    void checkerAdded(CheckerRegistration registration);

    /**
     * A factory no longer serves its keyword: it was unregistered or its bundle stopped.
     *
     * @param registration the factory's registration
     */
    void checkerRemoved(CheckerRegistration registration);
}
