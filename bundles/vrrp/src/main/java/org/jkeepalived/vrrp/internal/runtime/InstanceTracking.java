package org.jkeepalived.vrrp.internal.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jkeepalived.config.api.model.vrrp.TrackedInterface;
import org.jkeepalived.config.api.model.vrrp.TrackedScript;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;

/**
 * What an instance's tracked objects make of it, as keepalived.conf(5) says: its own interface and
 * any tracked object of weight 0 take it to FAULT when down; a positive weight adds to the priority
 * while the object is up, a negative one subtracts while it is down, and {@code reverse} swaps up
 * and down. The priority stays within 1 to 254; an address owner's stays 255.
 *
 * @param ownInterface the instance's interface, absent for a unicast instance without one
 * @param basePriority the configured priority
 * @param interfaces track_interface
 * @param scripts track_script
 */
record InstanceTracking(Optional<String> ownInterface, int basePriority, List<TrackedInterface> interfaces,
        List<TrackedScript> scripts) {

    private static final int HIGHEST_TRACKED_PRIORITY = VrrpSettings.OWNER_PRIORITY - 1;

    InstanceTracking {
        interfaces = List.copyOf(interfaces);
        scripts = List.copyOf(scripts);
    }

    /**
     * @param linksUp the interfaces known up or down; one not known counts as up
     * @param scriptsUp the vrrp_scripts known up or down; one not known counts as up
     * @return whether the instance is in FAULT
     */
    boolean fault(Map<String, Boolean> linksUp, Map<String, Boolean> scriptsUp) {
        if (ownInterface.isPresent() && !linksUp.getOrDefault(ownInterface.get(), true)) {
            return true;
        }
        for (TrackedInterface tracked : interfaces) {
            if (tracked.weight() == 0 && !linksUp.getOrDefault(tracked.name(), true) != tracked.reverse()) {
                return true;
            }
        }
        for (TrackedScript tracked : scripts) {
            if (tracked.weight() == 0 && !scriptsUp.getOrDefault(tracked.name(), true) != tracked.reverse()) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param linksUp the interfaces known up or down
     * @param scriptsUp the vrrp_scripts known up or down
     * @return the priority the instance advertises
     */
    int priority(Map<String, Boolean> linksUp, Map<String, Boolean> scriptsUp) {
        if (basePriority == VrrpSettings.OWNER_PRIORITY) {
            return basePriority;
        }
        int priority = basePriority;
        for (TrackedInterface tracked : interfaces) {
            priority += contribution(tracked.weight(), tracked.reverse(), linksUp.getOrDefault(tracked.name(), true));
        }
        for (TrackedScript tracked : scripts) {
            priority += contribution(tracked.weight(), tracked.reverse(), scriptsUp.getOrDefault(tracked.name(), true));
        }
        return Math.max(1, Math.min(HIGHEST_TRACKED_PRIORITY, priority));
    }

    private static int contribution(int weight, boolean reverse, boolean up) {
        boolean counted = up != reverse;
        if (weight > 0) {
            return counted ? weight : 0;
        }
        return counted ? 0 : weight;
    }
}
