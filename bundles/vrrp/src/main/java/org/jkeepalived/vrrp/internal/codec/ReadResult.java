package org.jkeepalived.vrrp.internal.codec;

import java.net.InetAddress;

import org.jkeepalived.vrrp.api.DropReason;

/** What {@link AdvertisementReader} made of a received packet. */
public sealed interface ReadResult {

    /**
     * An advert that passed every check.
     *
     * @param advert the advert
     * @param source the IP source: the sending router's primary address
     * @param ttl the TTL or hop limit it arrived with
     * @param legacyUnicastChecksum whether its checksum was the one of keepalived 1.3.6 and before,
     *                              which the instance then sends too
     */
    record Accepted(Advertisement advert, InetAddress source, int ttl, boolean legacyUnicastChecksum)
            implements ReadResult {
    }

    /**
     * A packet that failed a check.
     *
     * @param reason the check
     * @param detail what was found, for the log
     */
    record Dropped(DropReason reason, String detail) implements ReadResult {
    }
}
