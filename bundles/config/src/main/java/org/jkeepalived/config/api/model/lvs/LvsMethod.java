package org.jkeepalived.config.api.model.lvs;

import java.util.Optional;

/**
 * How IPVS forwards to a real server: lvs_method (or lb_kind)
 * {@code NAT|DR|TUN [type ipip|gue port N|gre] [nocsum|csum|remcsum]}.
 *
 * @param kind NAT, DR or TUN
 * @param tunnelType the tunnel of TUN (default ipip)
 * @param tunnelPort the UDP port of a GUE tunnel
 * @param tunnelChecksum the checksum of a GUE or GRE tunnel
 */
public record LvsMethod(Kind kind, TunnelType tunnelType, Optional<Integer> tunnelPort, TunnelChecksum tunnelChecksum) {

    /** NAT, keepalived's default. */
    public static final LvsMethod NAT = new LvsMethod(Kind.NAT, TunnelType.IPIP, Optional.empty(), TunnelChecksum.NONE);

    /** The forwarding method. */
    public enum Kind {
        /** Masquerading: IPVS rewrites the destination. */
        NAT,
        /** Direct routing: the frame goes to the real server's MAC. */
        DR,
        /** Tunnelling. */
        TUN
    }

    /** The tunnel of TUN. */
    public enum TunnelType {
        /** IP in IP. */
        IPIP,
        /** Generic UDP encapsulation (Linux 5.2). */
        GUE,
        /** GRE (Linux 5.3). */
        GRE
    }

    /** The tunnel checksum option. */
    public enum TunnelChecksum {
        /** Not given. */
        NONE,
        /** nocsum. */
        NOCSUM,
        /** csum. */
        CSUM,
        /** remcsum. */
        REMCSUM
    }

    @Override
    public String toString() {
        return kind + (kind == Kind.TUN ? " " + tunnelType + tunnelPort.map(p -> " port " + p).orElse("") : "");
    }
}
