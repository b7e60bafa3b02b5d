package org.jkeepalived.ipvs.api;

import java.util.Objects;

/**
 * How packets reach a destination ({@code IPVS_DEST_ATTR_FWD_METHOD} and the tunnel attributes):
 * keepalived.conf's lvs_method.
 *
 * @param method masquerading, direct routing or tunnelling
 * @param tunnelType the tunnel of {@link Method#TUN}
 * @param tunnelPort the UDP port of a GUE tunnel, 0 otherwise
 * @param tunnelChecksum the checksum option of a GUE or GRE tunnel
 */
public record Forwarding(Method method, TunnelType tunnelType, int tunnelPort, TunnelChecksum tunnelChecksum) {

    /** Masquerading, keepalived's default. */
    public static final Forwarding NAT = new Forwarding(Method.NAT, TunnelType.IPIP, 0, TunnelChecksum.NONE);
    /** Direct routing. */
    public static final Forwarding DR = new Forwarding(Method.DR, TunnelType.IPIP, 0, TunnelChecksum.NONE);
    /** IP-in-IP tunnelling. */
    public static final Forwarding TUN = new Forwarding(Method.TUN, TunnelType.IPIP, 0, TunnelChecksum.NONE);

    public Forwarding {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(tunnelType, "tunnelType");
        Objects.requireNonNull(tunnelChecksum, "tunnelChecksum");
        if (tunnelChecksum == TunnelChecksum.NOCSUM) {
            // The kernel has one value for both: a forwarding read back from it equals the one asked for.
            tunnelChecksum = TunnelChecksum.NONE;
        }
        Ports.check(tunnelPort, "tunnel port");
        if (method != Method.TUN && (tunnelType != TunnelType.IPIP || tunnelPort != 0 || tunnelChecksum != TunnelChecksum.NONE)) {
            throw new IllegalArgumentException("tunnel settings apply to TUN only, not to " + method);
        }
        if (tunnelType == TunnelType.GUE && tunnelPort == 0) {
            throw new IllegalArgumentException("a GUE tunnel needs a port");
        }
    }

    /** The forwarding method, with the number of {@code IP_VS_CONN_F_*}. */
    public enum Method {
        /** Masquerading ({@code IP_VS_CONN_F_MASQ}). */
        NAT(0),
        /** Tunnelling ({@code IP_VS_CONN_F_TUNNEL}). */
        TUN(2),
        /** Direct routing ({@code IP_VS_CONN_F_DROUTE}). */
        DR(3);

        private final int number;

        Method(int number) {
            this.number = number;
        }

        /** @return the value of {@code IPVS_DEST_ATTR_FWD_METHOD} */
        public int number() {
            return number;
        }
    }

    /** The tunnel of TUN ({@code IPVS_DEST_ATTR_TUN_TYPE}). */
    public enum TunnelType {
        /** IP in IP. */
        IPIP(0),
        /** Generic UDP encapsulation. */
        GUE(1),
        /** GRE. */
        GRE(2);

        private final int number;

        TunnelType(int number) {
            this.number = number;
        }

        /** @return the value of {@code IPVS_DEST_ATTR_TUN_TYPE} */
        public int number() {
            return number;
        }
    }

    /** The checksum option of a tunnel ({@code IPVS_DEST_ATTR_TUN_FLAGS}, {@code IP_VS_TUNNEL_ENCAP_FLAG_*}). */
    public enum TunnelChecksum {
        /** None given: no checksum, as nocsum. */
        NONE(0),
        /** nocsum: no checksum; the kernel does not tell it from {@link #NONE}, which a {@link Forwarding} makes it. */
        NOCSUM(0),
        /** csum: a checksum in the encapsulation. */
        CSUM(0x0001),
        /** remcsum: remote checksum offload (GUE). */
        REMCSUM(0x0002);

        private final int bits;

        TunnelChecksum(int bits) {
            this.bits = bits;
        }

        /** @return the bits of {@code IPVS_DEST_ATTR_TUN_FLAGS} */
        public int bits() {
            return bits;
        }
    }

    @Override
    public String toString() {
        return method == Method.TUN && tunnelType != TunnelType.IPIP
                ? "TUN " + tunnelType + (tunnelPort != 0 ? " port " + tunnelPort : "")
                : method.name();
    }
}
