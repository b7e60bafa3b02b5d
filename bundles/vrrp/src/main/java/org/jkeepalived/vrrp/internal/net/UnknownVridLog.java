package org.jkeepalived.vrrp.internal.net;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says that a channel received an advert for a VRID none of its instances has: at info level under
 * log_unknown_vrids, as keepalived logs each such advert, at debug level otherwise. Shared by the
 * channels of one loop and used on its thread only; the channels count these adverts either way.
 */
final class UnknownVridLog {

    private static final Logger LOG = LoggerFactory.getLogger(VrrpChannel.class);
    private static final String MESSAGE = "VRRP channel {}: unknown VRID {} received, ignored: no instance has it";

    private boolean eachAtInfo;

    /** @param eachAtInfo whether log_unknown_vrids is set */
    void logEachAtInfo(boolean eachAtInfo) {
        this.eachAtInfo = eachAtInfo;
    }

    void received(ChannelKey key, int virtualRouterId) {
        if (eachAtInfo) {
            LOG.info(MESSAGE, key, virtualRouterId);
        } else {
            LOG.debug(MESSAGE, key, virtualRouterId);
        }
    }
}
