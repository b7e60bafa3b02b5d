package org.jkeepalived.netlink.api;

import java.util.Locale;

/**
 * A metric of a route ({@code RTA_METRICS}): {@code mtu 1400}, {@code lock mtu 1400}, {@code initcwnd 10}...
 * Values are in the kernel's units, which for the times ({@code rtt}, {@code rttvar}, {@code rto_min})
 * differ from those {@code ip route} takes.
 *
 * @param kind which metric
 * @param value its value
 * @param locked whether it is locked, so that path MTU discovery and the like do not change it
 */
public record RouteMetric(Kind kind, int value, boolean locked) {

    /** The metrics ({@code RTAX_}), with their kernel numbers. */
    public enum Kind {
        MTU(2), WINDOW(3), RTT(4), RTTVAR(5), SSTHRESH(6), CWND(7), ADVMSS(8), REORDERING(9), HOPLIMIT(10),
        INITCWND(11), FEATURES(12), RTO_MIN(13), INITRWND(14), QUICKACK(15), FASTOPEN_NO_COOKIE(17);

        private final int value;

        Kind(int value) {
            this.value = value;
        }

        /** @return the {@code RTAX_} value */
        public int value() {
            return value;
        }

        /**
         * @param value an {@code RTAX_} value
         * @return the kind, or {@code null} if this version does not know it
         */
        public static Kind of(int value) {
            for (Kind kind : values()) {
                if (kind.value == value) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** Checks that a kind is given. */
    public RouteMetric {
        if (kind == null) {
            throw new IllegalArgumentException("a route metric needs a kind");
        }
    }

    /**
     * @param mtu the path MTU
     * @return an unlocked MTU metric
     */
    public static RouteMetric mtu(int mtu) {
        return new RouteMetric(Kind.MTU, mtu, false);
    }

    /** @return the metric as {@code ip route} writes it, for example {@code mtu lock 1400} */
    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + (locked ? " lock " : " ") + Integer.toUnsignedString(value);
    }
}
