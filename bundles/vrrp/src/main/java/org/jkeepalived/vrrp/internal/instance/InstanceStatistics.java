package org.jkeepalived.vrrp.internal.instance;

import java.util.EnumMap;
import java.util.Map;

import org.jkeepalived.vrrp.api.DropReason;

/**
 * The counters of one instance, keepalived's {@code vrrp->stats}. Changed on the instance's loop;
 * read from elsewhere they may lag by an event.
 */
public final class InstanceStatistics {

    private final Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
    private volatile long advertsReceived;
    private volatile long advertsSent;
    private volatile long priorityZeroReceived;
    private volatile long priorityZeroSent;
    private volatile long becameMaster;
    private volatile long releasedMaster;

    void countReceived(int priority) {
        advertsReceived++;
        if (priority == 0) {
            priorityZeroReceived++;
        }
    }

    void countSent(int priority) {
        advertsSent++;
        if (priority == 0) {
            priorityZeroSent++;
        }
    }

    void countBecameMaster() {
        becameMaster++;
    }

    void countReleasedMaster() {
        releasedMaster++;
    }

    synchronized void countDrop(DropReason reason) {
        drops.merge(reason, 1L, Long::sum);
    }

    /** @return adverts accepted (advert_rcvd) */
    public long advertsReceived() {
        return advertsReceived;
    }

    /** @return adverts sent (advert_sent) */
    public long advertsSent() {
        return advertsSent;
    }

    /** @return priority 0 adverts accepted (pri_zero_rcvd) */
    public long priorityZeroReceived() {
        return priorityZeroReceived;
    }

    /** @return priority 0 adverts sent (pri_zero_sent) */
    public long priorityZeroSent() {
        return priorityZeroSent;
    }

    /** @return transitions to master (become_master) */
    public long becameMaster() {
        return becameMaster;
    }

    /** @return transitions from master (release_master) */
    public long releasedMaster() {
        return releasedMaster;
    }

    /**
     * @param reason a reason
     * @return how many received packets were dropped for it
     */
    public synchronized long drops(DropReason reason) {
        return drops.getOrDefault(reason, 0L);
    }

    /** @return the drops so far, by reason */
    public synchronized Map<DropReason, Long> drops() {
        return Map.copyOf(drops);
    }
}
