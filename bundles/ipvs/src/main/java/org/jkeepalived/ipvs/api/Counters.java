package org.jkeepalived.ipvs.api;

/**
 * The counters IPVS keeps per service and per destination ({@code IPVS_STATS_ATTR_*}), since the
 * service or destination was added. In is from clients to real servers, out is back.
 *
 * @param connections connections scheduled
 * @param inPackets packets in
 * @param outPackets packets out
 * @param inBytes bytes in
 * @param outBytes bytes out
 */
public record Counters(long connections, long inPackets, long outPackets, long inBytes, long outBytes) {

    /** No traffic. */
    public static final Counters ZERO = new Counters(0, 0, 0, 0, 0);
}
