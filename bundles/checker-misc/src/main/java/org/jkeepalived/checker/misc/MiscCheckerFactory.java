package org.jkeepalived.checker.misc;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.Diagnostics;
import org.osgi.service.component.annotations.Component;

/**
 * {@code MISC_CHECK}: the real server is up when {@code misc_path} exits with status 0; with
 * {@code misc_dynamic}, a status from 2 to 255 is up too and sets the real server's weight to the
 * status less 2. The program runs as {@code user} (and its group) when given, for at most
 * {@code misc_timeout}, else the {@code delay_loop}; then it is ended with what it started.
 */
@Component(service = CheckerFactory.class)
public final class MiscCheckerFactory implements CheckerFactory {

    private static final BigDecimal MILLIS_PER_SECOND = BigDecimal.valueOf(1000);
    private static final BigDecimal MAX_TIMEOUT_SECONDS = BigDecimal.valueOf(86_400);

    @Override
    public String keyword() {
        return "MISC_CHECK";
    }

    @Override
    public Set<String> subKeywords() {
        return Set.of("misc_path", "misc_timeout", "misc_dynamic", "user");
    }

    @Override
    public CheckerDefinition bind(ConfigBlock block, Diagnostics diagnostics) {
        List<String> command = block.last("misc_path").flatMap(entry -> command(entry, diagnostics)).orElse(List.of());
        if (block.last("misc_path").isEmpty()) {
            diagnostics.error(block.location(), "MISC_CHECK needs the program to run: misc_path \"/path/to/check arguments\"");
        }
        Optional<Duration> timeout = block.last("misc_timeout").flatMap(entry -> timeout(entry, diagnostics));
        boolean dynamic = block.last("misc_dynamic").map(entry -> {
            if (!entry.arguments().isEmpty()) {
                diagnostics.error(entry.argumentLocation(0), "misc_dynamic takes no value");
            }
            return true;
        }).orElse(false);
        Optional<ConfigEntry> user = block.last("user");
        user.ifPresent(entry -> {
            if (entry.arguments().isEmpty() || entry.arguments().size() > 2) {
                diagnostics.error(entry.location(), "user takes a user name and optionally a group name: user USER [GROUP]");
            }
        });
        List<String> names = user.map(ConfigEntry::arguments).orElse(List.of());
        return new MiscCheckDefinition(command.isEmpty() ? List.of("") : command, timeout, dynamic,
                names.isEmpty() ? Optional.empty() : Optional.of(names.get(0)),
                names.size() < 2 ? Optional.empty() : Optional.of(names.get(1)));
    }

    /** misc_path as one quoted string, or its words unquoted, as keepalived takes the rest of the line. */
    private static Optional<List<String>> command(ConfigEntry entry, Diagnostics diagnostics) {
        if (entry.arguments().isEmpty()) {
            diagnostics.error(entry.location(), "misc_path needs the program to run");
            return Optional.empty();
        }
        Optional<List<String>> words = CommandLine.split(String.join(" ", entry.arguments()));
        if (words.isEmpty()) {
            diagnostics.error(entry.argumentLocation(0), "misc_path has a quote that is not closed");
        } else if (words.get().isEmpty()) {
            diagnostics.error(entry.argumentLocation(0), "misc_path needs the program to run");
            return Optional.empty();
        }
        return words;
    }

    private static Optional<Duration> timeout(ConfigEntry entry, Diagnostics diagnostics) {
        if (entry.arguments().size() != 1) {
            diagnostics.error(entry.location(), "misc_timeout takes one value in seconds");
            return Optional.empty();
        }
        String value = entry.arguments().get(0);
        try {
            BigDecimal seconds = new BigDecimal(value);
            if (seconds.signum() > 0 && seconds.compareTo(MAX_TIMEOUT_SECONDS) <= 0
                    && seconds.multiply(MILLIS_PER_SECOND).stripTrailingZeros().scale() <= 0) {
                return Optional.of(Duration.ofMillis(seconds.multiply(MILLIS_PER_SECOND).longValueExact()));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        diagnostics.error(entry.argumentLocation(0), "misc_timeout is a number of seconds from 0.001 to 86400, not '" + value + "'");
        return Optional.empty();
    }
}
