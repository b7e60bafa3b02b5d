package org.jkeepalived.vrrp.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.jkeepalived.config.api.model.vrrp.TrackedFile;
import org.jkeepalived.config.api.model.vrrp.TrackedInterface;
import org.jkeepalived.config.api.model.vrrp.TrackedScript;
import org.jkeepalived.vrrp.api.TrackedStatus;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;

/**
 * What an instance's tracked objects make of it, as keepalived.conf(5) says: its own interface and
 * any tracked object of weight 0 take it to FAULT when down; a positive weight adds to the priority
 * while the object is up, a negative one subtracts while it is down, and {@code reverse} swaps up
 * and down. A track_file adds its value times its weight, and below -253 makes a FAULT; with weight
 * 0 any value but 0 does. The priority stays within 1 to 254; an address owner's stays 255.
 *
 * @param ownInterface the instance's interface, absent for a unicast instance without one
 * @param basePriority the configured priority
 * @param interfaces track_interface
 * @param scripts track_script
 * @param files track_file
 */
record InstanceTracking(Optional<String> ownInterface, int basePriority, List<TrackedInterface> interfaces,
        List<TrackedScript> scripts, List<TrackedFile> files) {

    /** A track_file result below this is a FAULT. */
    private static final long LOWEST_FILE_RESULT = -253;

    private static final int HIGHEST_TRACKED_PRIORITY = VrrpSettings.OWNER_PRIORITY - 1;

    InstanceTracking {
        interfaces = List.copyOf(interfaces);
        scripts = List.copyOf(scripts);
        files = List.copyOf(files);
    }

    /**
     * @param states the tracked objects' states
     * @return whether the instance is in FAULT
     */
    boolean fault(TrackedStates states) {
        if (ownInterface.isPresent() && !states.linkUp(ownInterface.get())) {
            return true;
        }
        for (TrackedInterface tracked : interfaces) {
            if (tracked.weight() == 0 && !states.linkUp(tracked.name()) != tracked.reverse()) {
                return true;
            }
        }
        for (TrackedScript tracked : scripts) {
            if (tracked.weight() == 0 && !states.scriptUp(tracked.name()) != tracked.reverse()) {
                return true;
            }
        }
        for (TrackedFile tracked : files) {
            if (fileFault(tracked, states.fileValue(tracked.name()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param states the tracked objects' states
     * @return the priority the instance advertises
     */
    int priority(TrackedStates states) {
        if (basePriority == VrrpSettings.OWNER_PRIORITY) {
            return basePriority;
        }
        long priority = basePriority;
        for (TrackedInterface tracked : interfaces) {
            priority += contribution(tracked.weight(), tracked.reverse(), states.linkUp(tracked.name()));
        }
        for (TrackedScript tracked : scripts) {
            priority += contribution(tracked.weight(), tracked.reverse(), states.scriptUp(tracked.name()));
        }
        for (TrackedFile tracked : files) {
            if (tracked.weight() != 0) {
                priority += fileResult(tracked, states.fileValue(tracked.name()));
            }
        }
        return (int) Math.max(1, Math.min(HIGHEST_TRACKED_PRIORITY, priority));
    }

    /**
     * @param states the tracked objects' states
     * @return each tracked object with its state, interfaces, then scripts, then files
     */
    List<TrackedStatus> status(TrackedStates states) {
        List<TrackedStatus> status = new ArrayList<>();
        for (TrackedInterface tracked : interfaces) {
            status.add(new TrackedStatus(TrackedStatus.Kind.INTERFACE, tracked.name(), tracked.weight(), tracked.reverse(),
                    states.linkUp(tracked.name()), OptionalLong.empty()));
        }
        for (TrackedScript tracked : scripts) {
            status.add(new TrackedStatus(TrackedStatus.Kind.SCRIPT, tracked.name(), tracked.weight(), tracked.reverse(),
                    states.scriptUp(tracked.name()), OptionalLong.empty()));
        }
        for (TrackedFile tracked : files) {
            long value = states.fileValue(tracked.name());
            status.add(new TrackedStatus(TrackedStatus.Kind.FILE, tracked.name(), tracked.weight(), tracked.reverse(),
                    !fileFault(tracked, value), OptionalLong.of(value)));
        }
        return status;
    }

    private static boolean fileFault(TrackedFile tracked, long value) {
        return tracked.weight() == 0 ? value != 0 : fileResult(tracked, value) < LOWEST_FILE_RESULT;
    }

    private static long fileResult(TrackedFile tracked, long value) {
        long result = value * tracked.weight();
        return tracked.reverse() ? -result : result;
    }

    private static int contribution(int weight, boolean reverse, boolean up) {
        boolean counted = up != reverse;
        if (weight > 0) {
            return counted ? weight : 0;
        }
        return counted ? 0 : weight;
    }
}
