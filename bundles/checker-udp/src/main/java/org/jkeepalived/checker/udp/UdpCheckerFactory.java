package org.jkeepalived.checker.udp;

import java.util.Optional;
import java.util.Set;

import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.Diagnostics;
import org.osgi.service.component.annotations.Component;

/**
 * {@code UDP_CHECK}: a datagram ({@code payload}, random bytes by default) is sent to the real
 * server. Without {@code require_reply} it is up unless an ICMP error (port or host unreachable)
 * comes back within connect_timeout; with it, a reply of {@code min_reply_length} to
 * {@code max_reply_length} bytes is needed, starting with the given bytes if any.
 */
@Component(service = CheckerFactory.class)
public final class UdpCheckerFactory implements CheckerFactory {

    private static final int MAX_LENGTH = 65535;

    @Override
    public String keyword() {
        return "UDP_CHECK";
    }

    @Override
    public Set<String> subKeywords() {
        return Set.of("payload", "require_reply", "min_reply_length", "max_reply_length");
    }

    @Override
    public CheckerDefinition bind(ConfigBlock block, Diagnostics diagnostics) {
        Optional<HexPattern> payload = block.last("payload").flatMap(entry -> {
            if (entry.arguments().isEmpty()) {
                diagnostics.error(entry.location(), "payload needs the bytes to send in hexadecimal, for example payload 0a1b 2c");
                return Optional.empty();
            }
            return hex(entry, false, diagnostics);
        });
        Optional<ConfigEntry> require = block.last("require_reply");
        Optional<HexPattern> reply = require.filter(entry -> !entry.arguments().isEmpty()).flatMap(entry -> hex(entry, true, diagnostics));
        int min = block.last("min_reply_length").map(entry -> length(entry, diagnostics)).orElse(UdpCheckDefinition.DEFAULT_MIN_REPLY_LENGTH);
        int max = block.last("max_reply_length").map(entry -> length(entry, diagnostics)).orElse(UdpCheckDefinition.DEFAULT_MAX_REPLY_LENGTH);
        if (min > max) {
            diagnostics.error(block.last("min_reply_length").or(() -> block.last("max_reply_length")).get().location(),
                    "min_reply_length " + min + " is above max_reply_length " + max + ": no reply could pass");
        }
        if (require.isEmpty()) {
            block.last("min_reply_length").or(() -> block.last("max_reply_length")).ifPresent(entry ->
                    diagnostics.warning(entry.location(), entry.keyword() + " has no effect without require_reply"));
        }
        return new UdpCheckDefinition(payload, require.isPresent(), reply, min, max);
    }

    private static Optional<HexPattern> hex(ConfigEntry entry, boolean wildcards, Diagnostics diagnostics) {
        Optional<HexPattern> pattern = HexPattern.parse(String.join(" ", entry.arguments()), wildcards);
        if (pattern.isEmpty()) {
            diagnostics.error(entry.argumentLocation(0), entry.keyword() + " is groups of hexadecimal digits"
                    + (wildcards ? " (X for a nibble that may be anything)" : "") + ", not '" + String.join(" ", entry.arguments()) + "'");
        }
        return pattern;
    }

    private static int length(ConfigEntry entry, Diagnostics diagnostics) {
        String text = entry.arguments().size() == 1 ? entry.arguments().get(0) : "";
        if (text.matches("[0-9]{1,5}") && Integer.parseInt(text) <= MAX_LENGTH) {
            return Integer.parseInt(text);
        }
        diagnostics.error(entry.arguments().isEmpty() ? entry.location() : entry.argumentLocation(0),
                entry.keyword() + " is a number of bytes from 0 to " + MAX_LENGTH + ", not '" + String.join(" ", entry.arguments()) + "'");
        return entry.keyword().startsWith("min") ? UdpCheckDefinition.DEFAULT_MIN_REPLY_LENGTH : UdpCheckDefinition.DEFAULT_MAX_REPLY_LENGTH;
    }
}
