package org.jkeepalived.vrrp.internal.settings;

import java.time.Duration;

/**
 * The least time between two announcements of an interface, whichever instances send them.
 *
 * @param arp vrrp_garp_interval: between gratuitous ARPs
 * @param neighbourAdvert vrrp_gna_interval: between unsolicited neighbour advertisements
 */
public record AnnouncementIntervals(Duration arp, Duration neighbourAdvert) {

    /** keepalived's default: no spacing. */
    public static final AnnouncementIntervals NONE = new AnnouncementIntervals(Duration.ZERO, Duration.ZERO);
}
