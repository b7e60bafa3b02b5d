package org.jkeepalived.checker.dns;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.Diagnostics;
import org.osgi.service.component.annotations.Component;

/**
 * {@code DNS_CHECK}: the real server is up when it answers a query for {@code name} (default
 * {@code .}) of {@code type} (default SOA) over UDP with a response carrying the query's ID and no
 * error code. keepalived retries it 3 times and waits delay_loop before a retry by default.
 */
@Component(service = CheckerFactory.class)
public final class DnsCheckerFactory implements CheckerFactory {

    /** The types keepalived.conf(5) lists. */
    static final List<String> TYPES = List.of("A", "NS", "CNAME", "SOA", "MX", "TXT", "AAAA");

    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    @Override
    public String keyword() {
        return "DNS_CHECK";
    }

    @Override
    public Set<String> subKeywords() {
        return Set.of("type", "name");
    }

    @Override
    public CheckerDefinition bind(ConfigBlock block, Diagnostics diagnostics) {
        String type = block.last("type").flatMap(entry -> single(entry, diagnostics)).map(value -> {
            String upper = value.toUpperCase(Locale.ROOT);
            if (!TYPES.contains(upper)) {
                diagnostics.error(block.last("type").get().argumentLocation(0),
                        "type is one of " + String.join(", ", TYPES) + ", not '" + value + "'");
                return "SOA";
            }
            return upper;
        }).orElse("SOA");
        String name = block.last("name").flatMap(entry -> single(entry, diagnostics)).map(value -> {
            Optional<String> problem = nameProblem(value);
            problem.ifPresent(text -> diagnostics.error(block.last("name").get().argumentLocation(0), text));
            return value;
        }).orElse(".");
        return new DnsCheckDefinition(type, name);
    }

    /** A domain name as RFC 1035 section 2.3.4 bounds it: labels of 1 to 63 octets, 253 in all. */
    static Optional<String> nameProblem(String name) {
        if (name.equals(".")) {
            return Optional.empty();
        }
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (bare.isEmpty() || bare.length() > MAX_NAME_LENGTH) {
            return Optional.of("name is a domain name of 1 to " + MAX_NAME_LENGTH + " characters, or . for the root, not '" + name + "'");
        }
        for (String label : bare.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
                return Optional.of("name '" + name + "' has a label that is empty or longer than " + MAX_LABEL_LENGTH + " characters");
            }
            if (!label.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                return Optional.of("name '" + name + "' has characters outside printable ASCII");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> single(ConfigEntry entry, Diagnostics diagnostics) {
        if (entry.arguments().size() != 1) {
            diagnostics.error(entry.location(), entry.keyword() + " takes exactly one value");
            return Optional.empty();
        }
        return Optional.of(entry.arguments().get(0));
    }
}
