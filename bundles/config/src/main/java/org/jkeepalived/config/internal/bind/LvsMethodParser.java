package org.jkeepalived.config.internal.bind;

import java.util.Map;
import java.util.Optional;

import org.jkeepalived.config.api.model.lvs.LvsMethod;

/** {@code lvs_method NAT|DR|TUN [type ipip|gue port N|gre] [nocsum|csum|remcsum]}, of virtual, real and sorry servers. */
final class LvsMethodParser {

    static final String USAGE = "NAT|DR|TUN [type ipip|gue port PORT|gre] [nocsum|csum|remcsum]";

    private static final Map<String, LvsMethod.Kind> KINDS = Map.of("NAT", LvsMethod.Kind.NAT, "DR", LvsMethod.Kind.DR,
            "TUN", LvsMethod.Kind.TUN);
    private static final Map<String, LvsMethod.TunnelType> TUNNELS = Map.of("ipip", LvsMethod.TunnelType.IPIP, "gue",
            LvsMethod.TunnelType.GUE, "gre", LvsMethod.TunnelType.GRE);
    private static final Map<String, LvsMethod.TunnelChecksum> CHECKSUMS = Map.of("nocsum",
            LvsMethod.TunnelChecksum.NOCSUM, "csum", LvsMethod.TunnelChecksum.CSUM, "remcsum", LvsMethod.TunnelChecksum.REMCSUM);

    private LvsMethodParser() {
    }

    static Optional<LvsMethod> parse(Args args) {
        if (!args.require(1)) {
            return Optional.empty();
        }
        Optional<LvsMethod.Kind> kind = args.choice(0, KINDS);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        if (kind.get() != LvsMethod.Kind.TUN) {
            args.atMost(1);
            return Optional.of(new LvsMethod(kind.get(), LvsMethod.TunnelType.IPIP, Optional.empty(), LvsMethod.TunnelChecksum.NONE));
        }
        LvsMethod.TunnelType type = LvsMethod.TunnelType.IPIP;
        Integer port = null;
        LvsMethod.TunnelChecksum checksum = LvsMethod.TunnelChecksum.NONE;
        for (int i = 1; i < args.size(); i++) {
            String word = args.word(i);
            if (word.equals("type") && args.require(i + 2)) {
                Optional<LvsMethod.TunnelType> read = args.choice(++i, TUNNELS);
                if (read.isEmpty()) {
                    return Optional.empty();
                }
                type = read.get();
            } else if (word.equals("port") && args.require(i + 2)) {
                Optional<Integer> read = args.port(++i);
                if (read.isEmpty()) {
                    return Optional.empty();
                }
                port = read.get();
            } else if (CHECKSUMS.containsKey(word)) {
                checksum = CHECKSUMS.get(word);
            } else {
                args.invalid(i, USAGE);
                return Optional.empty();
            }
        }
        if ((type == LvsMethod.TunnelType.GUE) != (port != null)) {
            args.error(0, type == LvsMethod.TunnelType.GUE ? "a GUE tunnel needs a port: TUN type gue port PORT"
                    : "only a GUE tunnel takes a port");
            return Optional.empty();
        }
        if (checksum == LvsMethod.TunnelChecksum.REMCSUM && type == LvsMethod.TunnelType.GRE) {
            args.error(0, "a GRE tunnel cannot take remcsum");
            return Optional.empty();
        }
        return Optional.of(new LvsMethod(kind.get(), type, Optional.ofNullable(port), checksum));
    }
}
