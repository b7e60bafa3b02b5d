package org.jkeepalived.config.api.model.net;

/** The numeric route attributes of {@code ip route}, each named as its keyword. */
public enum RouteMetric {
    /** mtu. */
    MTU,
    /** advmss. */
    ADVMSS,
    /** rtt, in milliseconds. */
    RTT,
    /** rttvar, in milliseconds. */
    RTTVAR,
    /** reordering. */
    REORDERING,
    /** window. */
    WINDOW,
    /** cwnd. */
    CWND,
    /** ssthresh. */
    SSTHRESH,
    /** initcwnd. */
    INITCWND,
    /** initrwnd. */
    INITRWND,
    /** rto_min, in milliseconds. */
    RTO_MIN,
    /** hoplimit. */
    HOPLIMIT,
    /** quickack. */
    QUICKACK,
    /** fastopen_no_cookie. */
    FASTOPEN_NO_COOKIE;

    /** @return the keyword, as {@code ip route} spells it */
    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
