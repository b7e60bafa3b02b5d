package org.jkeepalived.core.api.systemd;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the configuration tells the service manager. Without {@code $NOTIFY_SOCKET} (not started by
 * systemd with {@code Type=notify}) both do nothing.
 */
@ProviderType
public interface ServiceManager {

    /** A reload begins ({@code RELOADING=1}). */
    void reloading();

    /**
     * The configuration that is to run is in place: at start, and after each reload whether or not
     * the new file applied. Once the container has booted and every supervised loop has run what
     * it was given, the service manager hears {@code READY=1}.
     */
    void configurationApplied();
}
