package org.jkeepalived.config.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when a new valid configuration is applied. Register an implementation as an OSGi service
 * (whiteboard pattern). A listener registered while a configuration runs is first told of it, with
 * no previous configuration.
 *
 * <p>Calls come one at a time, in order, on the configuration thread; a listener that needs time
 * hands the work to its own thread. A configuration with errors is never applied and never told.
 */
@ConsumerType
public interface ConfigListener {

    /**
     * A configuration was applied.
     *
     * @param update the previous and the current configuration, to compare
     */
    void configApplied(ConfigUpdate update);
}
