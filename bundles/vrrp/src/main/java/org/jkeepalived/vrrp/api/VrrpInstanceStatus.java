package org.jkeepalived.vrrp.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a running VRRP instance is doing, at one moment.
 *
 * @param name the vrrp_instance's name
 * @param state its state
 * @param virtualRouterId its VRID
 * @param version the VRRP version, 2 or 3
 * @param interfaceName its interface, absent for a unicast instance without one
 * @param priority its configured priority
 * @param sourceAddress the address its adverts come from
 * @param virtualAddresses its virtual addresses, as {@code address/prefix dev interface}
 * @param advertsSent adverts sent
 * @param advertsReceived adverts accepted
 * @param becameMaster how many times it became master
 * @param releasedMaster how many times it left master
 * @param priorityZeroReceived priority 0 adverts accepted: a master handing over
 * @param priorityZeroSent priority 0 adverts sent: its own hand-overs
 * @param drops received packets dropped, by reason; reasons never seen are absent
 * @param effectivePriority the priority it advertises now, after its tracked objects' weights
 * @param lastTransition when it last changed state
 * @param tracked what it tracks, its own sync group's objects included, with their states
 */
public record VrrpInstanceStatus(
        String name,
        VrrpState state,
        int virtualRouterId,
        int version,
        Optional<String> interfaceName,
        int priority,
        String sourceAddress,
        List<String> virtualAddresses,
        long advertsSent,
        long advertsReceived,
        long becameMaster,
        long releasedMaster,
        long priorityZeroReceived,
        long priorityZeroSent,
        Map<DropReason, Long> drops,
        int effectivePriority,
        Instant lastTransition,
        List<TrackedStatus> tracked) {

    public VrrpInstanceStatus {
        virtualAddresses = List.copyOf(virtualAddresses);
        drops = Map.copyOf(drops);
        Objects.requireNonNull(lastTransition, "lastTransition");
        tracked = List.copyOf(tracked);
    }

    /**
     * @param statistic one of keepalived's counter names, such as {@code packet_len_err}, or
     *                  {@code null} for the reasons keepalived only logs
     * @return the received packets dropped for the reasons counted under it
     * @see DropReason#statistic()
     */
    public long dropped(String statistic) {
        return drops.entrySet().stream()
                .filter(drop -> Objects.equals(drop.getKey().statistic(), statistic))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
