package org.jkeepalived.config.internal.bind;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names iproute2 gives numbers: route tables, route protocols and realms, from its files in
 * {@code /usr/share/iproute2} and {@code /etc/iproute2} (the latter winning), with the names it
 * builds in. Files are read once, when a name is first asked for.
 */
final class IprouteNames {

    /** The directories iproute2 reads, lowest precedence first. */
    static final List<Path> DEFAULT_DIRECTORIES = List.of(Path.of("/usr/share/iproute2"), Path.of("/etc/iproute2"));

    private final List<Path> directories;
    private final Map<String, Map<String, Long>> tables = new HashMap<>();

    IprouteNames(List<Path> directories) {
        this.directories = directories;
    }

    /** A route table: a number, or a name from rt_tables. */
    Optional<Long> table(String name) {
        return lookup(name, "rt_tables", Map.of("unspec", 0L, "default", 253L, "main", 254L, "local", 255L));
    }

    /** A route protocol: a number, or a name from rt_protos. */
    Optional<Long> protocol(String name) {
        return lookup(name, "rt_protos", Map.ofEntries(Map.entry("unspec", 0L), Map.entry("redirect", 1L),
                Map.entry("kernel", 2L), Map.entry("boot", 3L), Map.entry("static", 4L), Map.entry("gated", 8L),
                Map.entry("ra", 9L), Map.entry("mrt", 10L), Map.entry("zebra", 11L), Map.entry("bird", 12L),
                Map.entry("dnrouted", 13L), Map.entry("xorp", 14L), Map.entry("ntk", 15L), Map.entry("dhcp", 16L),
                Map.entry("keepalived", 18L), Map.entry("babel", 42L), Map.entry("bgp", 186L), Map.entry("isis", 187L),
                Map.entry("ospf", 188L), Map.entry("rip", 189L), Map.entry("eigrp", 192L)));
    }

    /** A realm: a number, or a name from rt_realms. */
    Optional<Long> realm(String name) {
        return lookup(name, "rt_realms", Map.of("unknown", 0L));
    }

    /** {@code [FROM/]TO} realms, packed as the kernel wants them: FROM in the high 16 bits. */
    Optional<Integer> realms(String word) {
        int slash = word.indexOf('/');
        Optional<Long> from = slash < 0 ? Optional.of(0L) : realm(word.substring(0, slash));
        Optional<Long> to = realm(slash < 0 ? word : word.substring(slash + 1));
        if (from.isEmpty() || to.isEmpty() || from.get() < 0 || from.get() > 0xFFFF || to.get() < 0 || to.get() > 0xFFFF) {
            return Optional.empty();
        }
        return Optional.of((int) ((from.get() << 16) | to.get()));
    }

    /** The form {@link #realms} expects, for messages. */
    static final String REALMS_FORM = "[FROM/]TO, realm numbers or names from rt_realms";

    private Optional<Long> lookup(String name, String file, Map<String, Long> builtIn) {
        Long number = Args.parseNumber(name);
        if (number != null) {
            return Optional.of(number);
        }
        Map<String, Long> names = tables.computeIfAbsent(file, f -> read(f, builtIn));
        return Optional.ofNullable(names.get(name));
    }

    private Map<String, Long> read(String file, Map<String, Long> builtIn) {
        Map<String, Long> names = new HashMap<>(builtIn);
        for (Path directory : directories) {
            readFile(directory.resolve(file), names);
            try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory.resolve(file + ".d"), "*.conf")) {
                parts.forEach(part -> readFile(part, names));
            } catch (IOException | RuntimeException e) {
                // No directory of parts: the common case.
            }
        }
        return names;
    }

    /** Reads {@code NUMBER NAME} lines; {@code #} starts a comment. */
    private static void readFile(Path path, Map<String, Long> names) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException | RuntimeException e) {
            return;
        }
        for (String line : lines) {
            int hash = line.indexOf('#');
            String[] words = (hash < 0 ? line : line.substring(0, hash)).trim().split("\\s+");
            if (words.length >= 2) {
                Long number = Args.parseNumber(words[0]);
                if (number != null) {
                    names.put(words[1], number);
                }
            }
        }
    }
}
