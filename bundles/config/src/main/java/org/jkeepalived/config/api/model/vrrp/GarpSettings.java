package org.jkeepalived.config.api.model.vrrp;

import java.time.Duration;
import java.util.Optional;

/**
 * When a master sends gratuitous ARPs (IPv4) and unsolicited neighbour advertisements (IPv6) for its
 * addresses: a burst on becoming master and a second one after a delay, bursts when a lower priority
 * advert is seen, and optional refreshes.
 *
 * @param masterDelay garp_master_delay: delay of the second burst after becoming master, zero for none (default 5 s)
 * @param masterRepeat garp_master_repeat: messages per burst (default 5)
 * @param masterRefresh garp_master_refresh: interval of refresh bursts while master, zero for none (default 0)
 * @param masterRefreshRepeat garp_master_refresh_repeat: messages per refresh burst (default 1)
 * @param lowerPrioDelay garp_lower_prio_delay: delay of the second burst after a lower priority advert (default masterDelay)
 * @param lowerPrioRepeat garp_lower_prio_repeat: messages per burst after a lower priority advert (default masterRepeat)
 * @param extraInterfaces garp_extra_if: periodic messages on the other interfaces of the addresses, if set
 */
public record GarpSettings(
        Duration masterDelay,
        int masterRepeat,
        Duration masterRefresh,
        int masterRefreshRepeat,
        Duration lowerPrioDelay,
        int lowerPrioRepeat,
        Optional<ExtraInterfaces> extraInterfaces) {

    /** keepalived's defaults. */
    public static final GarpSettings DEFAULT = new GarpSettings(Duration.ofSeconds(5), 5, Duration.ZERO, 1,
            Duration.ofSeconds(5), 5, Optional.empty());


    /**
     * garp_extra_if: refresh the interfaces of addresses that are not on the instance's interface.
     *
     * @param interval time between refreshes
     * @param all whether every such interface is refreshed, not only VMAC interfaces
     */
    public record ExtraInterfaces(Duration interval, boolean all) {
    }
}
