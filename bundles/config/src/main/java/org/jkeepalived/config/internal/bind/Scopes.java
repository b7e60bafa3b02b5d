package org.jkeepalived.config.internal.bind;

import java.util.Map;
import java.util.Optional;

import org.jkeepalived.config.api.model.net.AddressScope;

/** The scope names of {@code ip address} and {@code ip route}, and their numbers. */
final class Scopes {

    private static final Map<String, AddressScope> NAMES = Map.of("global", AddressScope.GLOBAL, "universe",
            AddressScope.GLOBAL, "site", AddressScope.SITE, "link", AddressScope.LINK, "host", AddressScope.HOST,
            "nowhere", AddressScope.NOWHERE);

    private Scopes() {
    }

    static Optional<AddressScope> read(Args args, int index) {
        AddressScope scope = NAMES.get(args.word(index));
        if (scope == null) {
            Long number = Args.parseNumber(args.word(index));
            for (AddressScope candidate : AddressScope.values()) {
                if (number != null && candidate.value() == number) {
                    scope = candidate;
                }
            }
        }
        if (scope == null) {
            args.invalid(index, "global, site, link, host or nowhere");
        }
        return Optional.ofNullable(scope);
    }
}
