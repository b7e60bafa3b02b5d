package org.jkeepalived.vrrp.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.jkeepalived.config.api.model.vrrp.TrackedFile;
import org.jkeepalived.config.api.model.vrrp.TrackedInterface;
import org.jkeepalived.config.api.model.vrrp.TrackedProcess;
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
 * @param processes track_process
 */
record InstanceTracking(Optional<String> ownInterface, int basePriority, List<TrackedInterface> interfaces,
        List<TrackedScript> scripts, List<TrackedFile> files, List<TrackedProcess> processes) {

    /** A track_file result below this is a FAULT. */
    private static final long LOWEST_FILE_RESULT = -253;

    private static final int HIGHEST_TRACKED_PRIORITY = VrrpSettings.OWNER_PRIORITY - 1;

    InstanceTracking {
        interfaces = List.copyOf(interfaces);
        scripts = List.copyOf(scripts);
        files = List.copyOf(files);
        processes = List.copyOf(processes);
    }

    /**
     * @param states the tracked objects' states
     * @return whether the instance is in FAULT
     */
    boolean fault(TrackedStates states) {
        if (ownInterface.isPresent() && !states.linkUp(ownInterface.get())) {
            return true;
        }
        for (TrackedStatus tracked : toggles(states)) {
            if (tracked.weight() == 0 && !tracked.up() != tracked.reverse()) {
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
        for (TrackedStatus tracked : toggles(states)) {
            priority += contribution(tracked.weight(), tracked.reverse(), tracked.up());
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
     * @return each tracked object with its state: interfaces, scripts, processes, then files
     */
    List<TrackedStatus> status(TrackedStates states) {
        List<TrackedStatus> status = toggles(states);
        for (TrackedFile tracked : files) {
            long value = states.fileValue(tracked.name());
            status.add(new TrackedStatus(TrackedStatus.Kind.FILE, tracked.name(), tracked.weight(), tracked.reverse(),
                    !fileFault(tracked, value), OptionalLong.of(value)));
        }
        return status;
    }

    /** The objects that are up or down, all but files: each one's weight counts one way or the other. */
    private List<TrackedStatus> toggles(TrackedStates states) {
        List<TrackedStatus> status = new ArrayList<>();
        for (TrackedInterface tracked : interfaces) {
            status.add(toggle(TrackedStatus.Kind.INTERFACE, tracked.name(), tracked.weight(), tracked.reverse(),
                    states.linkUp(tracked.name())));
        }
        for (TrackedScript tracked : scripts) {
            status.add(toggle(TrackedStatus.Kind.SCRIPT, tracked.name(), tracked.weight(), tracked.reverse(),
                    states.scriptUp(tracked.name())));
        }
        for (TrackedProcess tracked : processes) {
            status.add(toggle(TrackedStatus.Kind.PROCESS, tracked.name(), tracked.weight(), tracked.reverse(),
                    states.processUp(tracked.name())));
        }
        return status;
    }

    private static TrackedStatus toggle(TrackedStatus.Kind kind, String name, int weight, boolean reverse, boolean up) {
        return new TrackedStatus(kind, name, weight, reverse, up, OptionalLong.empty());
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
