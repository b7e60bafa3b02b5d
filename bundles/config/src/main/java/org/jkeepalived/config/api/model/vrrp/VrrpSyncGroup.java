package org.jkeepalived.config.api.model.vrrp;

import java.util.List;

/**
 * vrrp_sync_group: instances that change state together.
 *
 * @param name the group's name
 * @param instances group: the member instances, each in no other group
 * @param trackInterfaces track_interface, applying to every member
 * @param trackScripts track_script, applying to every member
 * @param trackFiles track_file, applying to every member
 * @param trackProcesses track_process, applying to every member
 * @param notifyScripts the group's notify scripts
 * @param smtpAlert smtp_alert, with the global default applied
 * @param notifyPriorityChanges notify_priority_changes
 * @param trackingWeight sync_group_tracking_weight: members may track with non-zero weights
 */
public record VrrpSyncGroup(String name, List<String> instances, List<TrackedInterface> trackInterfaces,
        List<TrackedScript> trackScripts, List<TrackedFile> trackFiles, List<TrackedProcess> trackProcesses,
        NotifyScripts notifyScripts, boolean smtpAlert, boolean notifyPriorityChanges, boolean trackingWeight) {

    public VrrpSyncGroup {
        instances = List.copyOf(instances);
        trackInterfaces = List.copyOf(trackInterfaces);
        trackScripts = List.copyOf(trackScripts);
        trackFiles = List.copyOf(trackFiles);
        trackProcesses = List.copyOf(trackProcesses);
    }
}
