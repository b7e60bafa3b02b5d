package org.jkeepalived.checker.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Collects the errors and warnings found while binding a configuration. A message is one line that
 * says what is wrong and what is expected; the location is printed in front of it.
 */
@ProviderType
public interface Diagnostics {

    /**
     * Reports an error: the configuration will not be applied.
     *
     * @param location where the problem is written
     * @param message what is wrong and what is expected
     */
    void error(ConfigLocation location, String message);

    /**
     * Reports a warning: the configuration is applied, but the user should change it.
     *
     * @param location where the problem is written
     * @param message what is questionable and what to write instead
     */
    void warning(ConfigLocation location, String message);
}
