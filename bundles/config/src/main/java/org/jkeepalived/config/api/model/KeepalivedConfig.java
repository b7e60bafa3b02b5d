package org.jkeepalived.config.api.model;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jkeepalived.config.api.model.lvs.SslSettings;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.config.api.model.lvs.VirtualServerGroup;
import org.jkeepalived.config.api.model.net.IpAddressEntry;
import org.jkeepalived.config.api.model.net.IpRoute;
import org.jkeepalived.config.api.model.net.IpRule;
import org.jkeepalived.config.api.model.vrrp.GarpGroup;
import org.jkeepalived.config.api.model.vrrp.TrackFile;
import org.jkeepalived.config.api.model.vrrp.TrackProcess;
import org.jkeepalived.config.api.model.vrrp.VrrpInstance;
import org.jkeepalived.config.api.model.vrrp.VrrpScript;
import org.jkeepalived.config.api.model.vrrp.VrrpSyncGroup;

/**
 * A valid keepalived.conf, bound: every section as an immutable record with keepalived's defaults
 * applied and its references checked (track_script names a vrrp_script, a sync group names
 * instances, a virtual server names a group...).
 *
 * <p>Parts compare by value, so that a subsystem can tell on reload what changed: an instance or a
 * real server equal to its old self keeps running as it is.
 *
 * @param globalDefs global_defs
 * @param staticAddresses static_ipaddress
 * @param staticRoutes static_routes
 * @param staticRules static_rules
 * @param vrrpScripts vrrp_script blocks
 * @param trackFiles track_file (and vrrp_track_file) blocks
 * @param trackProcesses vrrp_track_process blocks
 * @param garpGroups garp_group blocks
 * @param syncGroups vrrp_sync_group blocks
 * @param vrrpInstances vrrp_instance blocks
 * @param virtualServerGroups virtual_server_group blocks
 * @param virtualServers virtual_server blocks
 * @param ssl the SSL block
 */
public record KeepalivedConfig(
        GlobalDefs globalDefs,
        List<IpAddressEntry> staticAddresses,
        List<IpRoute> staticRoutes,
        List<IpRule> staticRules,
        List<VrrpScript> vrrpScripts,
        List<TrackFile> trackFiles,
        List<TrackProcess> trackProcesses,
        List<GarpGroup> garpGroups,
        List<VrrpSyncGroup> syncGroups,
        List<VrrpInstance> vrrpInstances,
        List<VirtualServerGroup> virtualServerGroups,
        List<VirtualServer> virtualServers,
        Optional<SslSettings> ssl) {

    public KeepalivedConfig {
        staticAddresses = List.copyOf(staticAddresses);
        staticRoutes = List.copyOf(staticRoutes);
        staticRules = List.copyOf(staticRules);
        vrrpScripts = List.copyOf(vrrpScripts);
        trackFiles = List.copyOf(trackFiles);
        trackProcesses = List.copyOf(trackProcesses);
        garpGroups = List.copyOf(garpGroups);
        syncGroups = List.copyOf(syncGroups);
        vrrpInstances = List.copyOf(vrrpInstances);
        virtualServerGroups = List.copyOf(virtualServerGroups);
        virtualServers = List.copyOf(virtualServers);
    }

    /** @return the vrrp_instance of that name */
    public Optional<VrrpInstance> vrrpInstance(String name) {
        return find(vrrpInstances, VrrpInstance::name, name);
    }

    /** @return the vrrp_script of that name */
    public Optional<VrrpScript> vrrpScript(String name) {
        return find(vrrpScripts, VrrpScript::name, name);
    }

    /** @return the track_file block of that name */
    public Optional<TrackFile> trackFile(String name) {
        return find(trackFiles, TrackFile::name, name);
    }

    /** @return the vrrp_track_process block of that name */
    public Optional<TrackProcess> trackProcess(String name) {
        return find(trackProcesses, TrackProcess::name, name);
    }

    /** @return the vrrp_sync_group of that name */
    public Optional<VrrpSyncGroup> syncGroup(String name) {
        return find(syncGroups, VrrpSyncGroup::name, name);
    }

    /** @return the sync group that has the instance as a member */
    public Optional<VrrpSyncGroup> syncGroupOf(String instance) {
        return syncGroups.stream().filter(group -> group.instances().contains(instance)).findFirst();
    }

    /** @return the virtual_server_group of that name */
    public Optional<VirtualServerGroup> virtualServerGroup(String name) {
        return find(virtualServerGroups, VirtualServerGroup::name, name);
    }

    private static <T> Optional<T> find(List<T> items, Function<T, String> name, String wanted) {
        return items.stream().filter(item -> name.apply(item).equals(wanted)).findFirst();
    }
}
