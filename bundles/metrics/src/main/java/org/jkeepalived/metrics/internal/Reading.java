package org.jkeepalived.metrics.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jkeepalived.healthcheck.api.CheckStatistics;
import org.jkeepalived.healthcheck.api.CheckerDetail;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.jkeepalived.lvs.api.VirtualServerStatus;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpState;

/**
 * What one scrape read from the subsystems that run; a subsystem that does not run reads as empty.
 *
 * @param instances the VRRP instances
 * @param syncGroups the state of each sync group
 * @param virtualServers the virtual servers and their real servers in the data plane
 * @param health the real servers' health and checkers
 * @param checkers the counters of each real server's checkers, in the order of its checkers
 * @param checkStatistics how the checker loops keep up, while health checking runs
 */
record Reading(List<VrrpInstanceStatus> instances, Map<String, VrrpState> syncGroups,
        List<VirtualServerStatus> virtualServers, List<RealServerHealth> health,
        Map<RealServerKey, List<CheckerDetail>> checkers, Optional<CheckStatistics> checkStatistics) {

    Reading {
        instances = List.copyOf(instances);
        syncGroups = Map.copyOf(syncGroups);
        virtualServers = List.copyOf(virtualServers);
        health = List.copyOf(health);
        checkers = Map.copyOf(checkers);
    }
}
