package org.jkeepalived.ipvs.api;

import java.util.Objects;

/**
 * A destination (real server) of a service, as {@code IPVS_CMD_NEW_DEST} and
 * {@code IPVS_CMD_SET_DEST} take it.
 *
 * @param key its address and port
 * @param weight its weight; 0 makes it quiescent: no new connections, the existing ones go on
 * @param forwarding how packets reach it
 * @param upperThreshold uthreshold: with this many connections it takes no more, 0 for no limit
 * @param lowerThreshold lthreshold: below this many it takes new ones again, 0 for three quarters
 *                       of the upper threshold
 */
public record Destination(DestinationKey key, int weight, Forwarding forwarding, int upperThreshold, int lowerThreshold) {

    public Destination {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(forwarding, "forwarding");
        if (weight < 0) {
            throw new IllegalArgumentException("weight " + weight + " of destination " + key + " is negative");
        }
        if (upperThreshold < 0 || lowerThreshold < 0) {
            throw new IllegalArgumentException("thresholds of destination " + key + " are negative");
        }
    }

    /**
     * @param key the address and port
     * @param weight the weight
     * @return a destination reached by NAT, without thresholds
     */
    public static Destination of(DestinationKey key, int weight) {
        return new Destination(key, weight, Forwarding.NAT, 0, 0);
    }

    /** @return this destination with {@code weight} */
    public Destination withWeight(int weight) {
        return new Destination(key, weight, forwarding, upperThreshold, lowerThreshold);
    }

    /** @return this destination with {@code forwarding} */
    public Destination withForwarding(Forwarding forwarding) {
        return new Destination(key, weight, forwarding, upperThreshold, lowerThreshold);
    }

    /** @return this destination with these thresholds */
    public Destination withThresholds(int upperThreshold, int lowerThreshold) {
        return new Destination(key, weight, forwarding, upperThreshold, lowerThreshold);
    }

    @Override
    public String toString() {
        return key + " " + forwarding + " weight " + weight
                + (upperThreshold != 0 || lowerThreshold != 0 ? " thresholds " + lowerThreshold + "-" + upperThreshold : "");
    }
}
