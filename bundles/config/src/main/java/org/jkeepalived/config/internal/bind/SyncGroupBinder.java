package org.jkeepalived.config.internal.bind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.model.GlobalDefs;
import org.jkeepalived.config.api.model.vrrp.VrrpSyncGroup;

/** vrrp_sync_group NAME { ... }. */
final class SyncGroupBinder {

    static final class Draft {
        final String name;
        final ConfigLocation location;
        final List<String> instances = new ArrayList<>();
        final List<ConfigLocation> instanceLocations = new ArrayList<>();
        final Tracking tracking = new Tracking();
        final NotifyDraft notify = new NotifyDraft();
        Boolean smtpAlert;
        boolean notifyPriorityChanges;
        boolean trackingWeight;

        Draft(String name, ConfigLocation location) {
            this.name = name;
            this.location = location;
        }

        VrrpSyncGroup build(GlobalDefs globals, Tracking.Blocks trackable, BindContext context) {
            boolean alert = smtpAlert != null ? smtpAlert
                    : globals.notification().smtpAlertVrrp().or(() -> globals.notification().smtpAlert()).orElse(false);
            return new VrrpSyncGroup(name, instances, tracking.interfaces, tracking.resolveScripts(trackable.scripts(), context),
                    tracking.resolveFiles(trackable.files(), context), tracking.resolveProcesses(trackable.processes(), context),
                    notify.build(), alert, notifyPriorityChanges, trackingWeight);
        }
    }

    static final Keywords<Draft> KEYWORDS = new Keywords<Draft>()
            .block("group", "group", SyncGroupBinder::group)
            .add("smtp_alert", "smtp_alert [BOOL]", (d, a) -> d.smtpAlert = a.flag())
            .add("notify_priority_changes", "notify_priority_changes [BOOL]", (d, a) -> d.notifyPriorityChanges = a.flag())
            .add("sync_group_tracking_weight", "sync_group_tracking_weight", (d, a) -> d.trackingWeight = a.bare())
            .deprecated("global_tracking", "sync_group_tracking_weight");
    static {
        Tracking.addTo(KEYWORDS, draft -> draft.tracking);
        NotifyDraft.addTo(KEYWORDS, draft -> draft.notify);
    }

    private SyncGroupBinder() {
    }

    /**
     * Checks the members of every sync group: each names an instance, and no instance is in two
     * groups.
     *
     * @return the group of each instance that has one
     */
    static Map<String, Draft> membership(Collection<Draft> groups, Set<String> instances, BindContext context) {
        Map<String, Draft> membership = new HashMap<>();
        for (Draft group : groups) {
            for (int i = 0; i < group.instances.size(); i++) {
                String member = group.instances.get(i);
                ConfigLocation location = group.instanceLocations.get(i);
                if (!instances.contains(member)) {
                    context.error(location, "vrrp_sync_group " + group.name + ": no vrrp_instance named '" + member + "'");
                } else if (membership.containsKey(member)) {
                    context.error(location, "vrrp_sync_group " + group.name + ": vrrp_instance " + member
                            + " is already a member of vrrp_sync_group " + membership.get(member).name);
                } else {
                    membership.put(member, group);
                }
            }
            if (group.instances.size() < 2) {
                context.warning(group.location, "vrrp_sync_group " + group.name + " has " + group.instances.size()
                        + " instance" + (group.instances.size() == 1 ? "" : "s") + "; a sync group moves several together");
            }
        }
        return membership;
    }

    private static void group(Draft draft, Args args) {
        args.atMost(0);
        for (ConfigEntry entry : args.block().orElseThrow().entries()) {
            Args line = Args.line(entry, "group", "INSTANCE", args.context());
            for (int i = 0; i < line.size(); i++) {
                draft.instances.add(line.word(i));
                draft.instanceLocations.add(line.location(i));
            }
            if (entry.block().isPresent()) {
                args.context().error(entry.location(), "group: the names of instances take no block");
            }
        }
    }
}
