package org.jkeepalived.vrrp.internal.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jkeepalived.config.api.model.vrrp.VrrpSyncGroup;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.instance.VirtualRouter;
import org.jkeepalived.vrrp.internal.instance.VirtualRouterListener;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vrrp_sync_groups: their members change state together, as keepalived's do. A member
 * becoming master takes the others' backups to master, one going back to backup takes the others'
 * masters with it, one in FAULT puts them all in FAULT, and a member may not become master while
 * another still hears a master, so that a group never splits between two routers. The group's
 * notify scripts run when the group as a whole changes state. Used on the VRRP loop only.
 */
final class SyncGroups {

    private static final Logger LOG = LoggerFactory.getLogger(SyncGroups.class);

    private final Function<String, Optional<VirtualRouter>> routers;
    private final ScriptLauncher scripts;
    private final Transitions transitions;
    private Map<String, VrrpSyncGroup> groupOfInstance = Map.of();
    private final Map<String, VrrpState> groupStates = new HashMap<>();

    /**
     * @param routers the running instance of a name
     * @param scripts what starts the groups' notify scripts
     * @param transitions what tells listeners of the groups' changes
     */
    SyncGroups(Function<String, Optional<VirtualRouter>> routers, ScriptLauncher scripts, Transitions transitions) {
        this.routers = routers;
        this.scripts = scripts;
        this.transitions = transitions;
    }

    /** @param groups the groups of the configuration from now on */
    void update(List<VrrpSyncGroup> groups) {
        Map<String, VrrpSyncGroup> byInstance = new HashMap<>();
        groups.forEach(group -> group.instances().forEach(instance -> byInstance.put(instance, group)));
        groupOfInstance = byInstance;
        groupStates.keySet().retainAll(groups.stream().map(VrrpSyncGroup::name).toList());
    }

    /**
     * @param instance an instance
     * @param ownFault whether an instance's own tracked objects put it in FAULT
     * @return whether the instance is in FAULT: its own objects, or those of any member of its group
     */
    boolean fault(String instance, Predicate<String> ownFault) {
        return members(instance).stream().anyMatch(ownFault);
    }

    /**
     * @param instance an instance
     * @return what keeps it in step with its group
     */
    VirtualRouterListener listenerFor(String instance) {
        return new VirtualRouterListener() {
            @Override
            public void stateChanged(VrrpSettings settings, VrrpState previous, VrrpState current) {
                memberChanged(instance, previous, current);
            }

            @Override
            public boolean mayBecomeMaster(VrrpSettings settings) {
                return others(instance).stream().map(routers).flatMap(Optional::stream).noneMatch(VirtualRouter::hearsMaster);
            }
        };
    }

    private void memberChanged(String instance, VrrpState previous, VrrpState current) {
        VrrpSyncGroup group = groupOfInstance.get(instance);
        if (group == null) {
            return;
        }
        for (String other : others(instance)) {
            routers.apply(other).ifPresent(router -> {
                if (current == VrrpState.MASTER) {
                    router.syncMaster();
                } else if (current == VrrpState.BACKUP && previous == VrrpState.MASTER) {
                    router.syncBackup();
                }
            });
        }
        if (current == VrrpState.INITIALIZE) {
            return;
        }
        VrrpState groupPrevious = groupStates.put(group.name(), current);
        if (groupPrevious != current) {
            LOG.info("VRRP sync group {} entering {} STATE", group.name(), current);
            InstanceNotifier.run(scripts, group.notifyScripts(), "GROUP", group.name(), current, 0);
            transitions.groupChanged(group.name(), groupPrevious == null ? VrrpState.INITIALIZE : groupPrevious, current);
        }
    }

    /**
     * Every group stops with its members: its notify scripts and listeners hear STOP, as keepalived
     * tells them when it shuts down.
     */
    void stopAll() {
        Map<String, VrrpSyncGroup> byName = new HashMap<>();
        groupOfInstance.values().forEach(group -> byName.put(group.name(), group));
        groupStates.forEach((name, state) -> Optional.ofNullable(byName.get(name)).ifPresent(group -> {
            InstanceNotifier.run(scripts, group.notifyScripts(), "GROUP", name, VrrpState.INITIALIZE, 0);
            transitions.groupChanged(name, state, VrrpState.INITIALIZE);
        }));
        groupStates.clear();
    }

    /** @return the state of each group that has one, by name */
    Map<String, VrrpState> states() {
        return Map.copyOf(groupStates);
    }

    private List<String> members(String instance) {
        VrrpSyncGroup group = groupOfInstance.get(instance);
        return group == null ? List.of(instance) : group.instances();
    }

    private List<String> others(String instance) {
        return members(instance).stream().filter(member -> !member.equals(instance)).toList();
    }
}
