package org.jkeepalived.lvs.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The virtual servers of the running configuration and what the data plane has of them. */
@ProviderType
public interface VirtualServerService {

    /**
     * Reads the data plane and the health of every real server, in step with the changes being
     * applied, so that what is told is what the data plane had at one moment.
     *
     * @return every virtual server of the running configuration, in configuration order
     * @throws IllegalStateException if the data plane cannot be read, saying why
     */
    List<VirtualServerStatus> virtualServers();
}
