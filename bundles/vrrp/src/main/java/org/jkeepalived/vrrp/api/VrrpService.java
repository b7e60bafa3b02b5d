package org.jkeepalived.vrrp.api;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** The VRRP instances that run, as the shell and metrics see them. */
@ProviderType
public interface VrrpService {

    /**
     * @return every running instance in configuration order; an instance that could not start (its
     *         interface is missing, say) is absent, and the log says why
     */
    List<VrrpInstanceStatus> instances();

    /**
     * @return the state of each vrrp_sync_group, by name; a group none of whose members has started
     *         yet is absent
     */
    Map<String, VrrpState> syncGroupStates();
}
