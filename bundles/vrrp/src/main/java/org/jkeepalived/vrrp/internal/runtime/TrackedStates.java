package org.jkeepalived.vrrp.internal.runtime;

import java.util.Map;

/**
 * The states of everything instances track, as last reported: interfaces up or down, vrrp_scripts
 * up or down, track_file values, vrrp_track_processes up or down. An interface or script not
 * reported yet counts as up, a file not read yet as 0, processes not counted yet as down.
 *
 * @param linksUp interfaces, by name
 * @param scriptsUp vrrp_scripts, by name
 * @param fileValues track_file values, by track_file name
 * @param processesUp vrrp_track_processes, by name
 */
record TrackedStates(Map<String, Boolean> linksUp, Map<String, Boolean> scriptsUp, Map<String, Long> fileValues,
        Map<String, Boolean> processesUp) {

    boolean linkUp(String name) {
        return linksUp.getOrDefault(name, true);
    }

    boolean scriptUp(String name) {
        return scriptsUp.getOrDefault(name, true);
    }

    long fileValue(String name) {
        return fileValues.getOrDefault(name, 0L);
    }

    boolean processUp(String name) {
        return processesUp.getOrDefault(name, false);
    }
}
