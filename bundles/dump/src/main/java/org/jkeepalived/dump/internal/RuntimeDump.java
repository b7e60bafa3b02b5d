package org.jkeepalived.dump.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.vrrp.VrrpInstance;
import org.jkeepalived.config.api.model.vrrp.VrrpSyncGroup;
import org.jkeepalived.lvs.api.VirtualServerStatus;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpState;

/**
 * One reading of the running configuration and state, from which every form of the dump is written,
 * so that the forms never disagree.
 *
 * @param config the running configuration
 * @param vrrpRunning whether the VRRP subsystem runs
 * @param instances the running VRRP instances, in configuration order
 * @param syncGroupStates the state of each sync group that has one
 * @param checkerRunning whether the virtual servers subsystem runs
 * @param virtualServers the virtual servers, in configuration order
 * @param virtualServersUnreadable why the virtual servers could not be read, if they could not
 */
record RuntimeDump(KeepalivedConfig config, boolean vrrpRunning, List<VrrpInstanceStatus> instances,
        Map<String, VrrpState> syncGroupStates, boolean checkerRunning, List<VirtualServerStatus> virtualServers,
        Optional<String> virtualServersUnreadable) {

    RuntimeDump {
        Objects.requireNonNull(config, "config");
        instances = List.copyOf(instances);
        syncGroupStates = Map.copyOf(syncGroupStates);
        virtualServers = List.copyOf(virtualServers);
        Objects.requireNonNull(virtualServersUnreadable, "virtualServersUnreadable");
    }

    /**
     * @param status a running instance
     * @return its configuration; absent only while a reload that removes it is being applied
     */
    Optional<VrrpInstance> configOf(VrrpInstanceStatus status) {
        return config.vrrpInstance(status.name());
    }

    /**
     * @param status a running instance
     * @return the sync group it belongs to
     */
    Optional<String> syncGroupOf(VrrpInstanceStatus status) {
        return config.syncGroups().stream().filter(group -> group.instances().contains(status.name()))
                .map(VrrpSyncGroup::name).findFirst();
    }
}
