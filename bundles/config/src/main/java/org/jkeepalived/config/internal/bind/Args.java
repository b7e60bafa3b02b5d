package org.jkeepalived.config.internal.bind;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.model.Script;
import org.jkeepalived.config.api.model.net.IpPrefix;
import org.jkeepalived.config.internal.lexer.Token;
import org.jkeepalived.config.internal.tree.TreeEntry;

/**
 * The words of one entry, read as the values a keyword expects. Every reader reports a value that
 * does not fit, with its location and the form expected, and returns nothing for it; the binder then
 * leaves the setting at its default, and the configuration is not applied because of the error.
 */
final class Args {

    /** <BOOL> of keepalived.conf(5). */
    private static final Map<String, Boolean> BOOLEANS = Map.of("on", true, "true", true, "yes", true,
            "off", false, "false", false, "no", false);

    private final ConfigEntry entry;
    private final String name;
    private final String usage;
    private final List<String> words;
    private final List<String> raws;
    private final List<ConfigLocation> locations;
    private final BindContext context;

    private Args(ConfigEntry entry, String name, String usage, List<String> words, List<String> raws,
            List<ConfigLocation> locations, BindContext context) {
        this.entry = entry;
        this.name = name;
        this.usage = usage;
        this.words = words;
        this.raws = raws;
        this.locations = locations;
        this.context = context;
    }

    /** The arguments of a keyword entry: word 0 is the first argument. */
    static Args of(ConfigEntry entry, String usage, BindContext context) {
        List<String> raws = entry instanceof TreeEntry tree
                ? tree.argumentTokens().stream().map(Token::raw).toList() : entry.arguments();
        List<ConfigLocation> locations = new ArrayList<>();
        for (int i = 0; i < entry.arguments().size(); i++) {
            locations.add(entry.argumentLocation(i));
        }
        return new Args(entry, entry.keyword(), usage, entry.arguments(), raws, locations, context);
    }

    /**
     * A whole line of a list block (an address, a route, an interface): word 0 is the entry's keyword.
     *
     * @param list the block's keyword, which messages name
     */
    static Args line(ConfigEntry entry, String list, String usage, BindContext context) {
        Args arguments = of(entry, usage, context);
        List<String> words = new ArrayList<>(List.of(entry.keyword()));
        words.addAll(arguments.words);
        List<String> raws = new ArrayList<>(List.of(entry instanceof TreeEntry tree ? tree.keywordToken().raw() : entry.keyword()));
        raws.addAll(arguments.raws);
        List<ConfigLocation> locations = new ArrayList<>(List.of(entry.location()));
        locations.addAll(arguments.locations);
        return new Args(entry, list, usage, words, raws, locations, context);
    }

    ConfigEntry entry() {
        return entry;
    }

    String name() {
        return name;
    }

    BindContext context() {
        return context;
    }

    int size() {
        return words.size();
    }

    boolean has(int index) {
        return index < words.size();
    }

    String word(int index) {
        return words.get(index);
    }

    ConfigLocation location() {
        return entry.location();
    }

    ConfigLocation location(int index) {
        return index < locations.size() ? locations.get(index) : entry.location();
    }

    /** @return the entry's block, reporting its absence */
    Optional<ConfigBlock> block() {
        return entry.block();
    }

    void error(int index, String message) {
        context.error(location(index), name + ": " + message);
    }

    void warning(int index, String message) {
        context.warning(location(index), name + ": " + message);
    }

    /** Reports a value that does not fit: {@code name: 'value' is not valid; expected ...}. */
    void invalid(int index, String expected) {
        error(index, "'" + word(index) + "' is not valid; expected " + expected);
    }

    /** @return whether there are at least {@code count} words; if not, reports the missing value */
    boolean require(int count) {
        if (words.size() >= count) {
            return true;
        }
        context.error(words.isEmpty() ? entry.location() : location(words.size() - 1),
                name + ": missing value; expected " + usage);
        return false;
    }

    /** Warns of words after the first {@code count}, which keepalived ignores too. */
    void atMost(int count) {
        if (words.size() > count) {
            warning(count, "'" + String.join(" ", words.subList(count, words.size())) + "' ignored; expected " + usage);
        }
    }

    /** @return whether there are exactly {@code count} words (fewer is an error, more a warning) */
    boolean exactly(int count) {
        atMost(count);
        return require(count);
    }

    /** The single value of a keyword: {@code keyword VALUE}. */
    Optional<String> single() {
        return exactly(1) ? Optional.of(word(0)) : Optional.empty();
    }

    /** A decimal integer from {@code min} to {@code max}. */
    Optional<Long> integer(int index, long min, long max) {
        return ranged(index, parseLong(word(index), 10), min, max);
    }

    /** An integer written in decimal, hexadecimal (0x) or octal (leading 0), from {@code min} to {@code max}. */
    Optional<Long> number(int index, long min, long max) {
        return ranged(index, parseNumber(word(index)), min, max);
    }

    /** The single integer value of a keyword. */
    Optional<Integer> singleInt(long min, long max) {
        return exactly(1) ? integer(0, min, max).map(Long::intValue) : Optional.empty();
    }

    private Optional<Long> ranged(int index, Long value, long min, long max) {
        if (value == null || value < min || value > max) {
            invalid(index, "an integer from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A <TIMER>: seconds, with a fraction down to microseconds, from {@code min} to {@code max}. */
    Optional<Duration> timer(int index, Duration min, Duration max) {
        Duration value = parseSeconds(word(index));
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            invalid(index, "a time in seconds from " + seconds(min) + " to " + seconds(max));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** The single <TIMER> value of a keyword. */
    Optional<Duration> singleTimer(Duration min, Duration max) {
        return exactly(1) ? timer(0, min, max) : Optional.empty();
    }

    /** A <BOOL>: on, off, true, false, yes or no. */
    Optional<Boolean> bool(int index) {
        Boolean value = BOOLEANS.get(word(index).toLowerCase(Locale.ROOT));
        if (value == null) {
            invalid(index, "on, off, true, false, yes or no");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A keyword with an optional <BOOL>: alone it means on. */
    boolean flag() {
        atMost(1);
        return words.isEmpty() || bool(0).orElse(false);
    }

    /** A keyword that takes no value. */
    boolean bare() {
        atMost(0);
        return true;
    }

    /** An IPv4 or IPv6 address. */
    Optional<InetAddress> address(int index) {
        Optional<InetAddress> address = IpLiterals.parse(word(index));
        if (address.isEmpty()) {
            invalid(index, "an IPv4 or IPv6 address");
        }
        return address;
    }

    /** An address with an optional /LENGTH. */
    Optional<IpPrefix> prefix(int index) {
        Optional<IpPrefix> prefix = IpLiterals.prefix(word(index));
        if (prefix.isEmpty()) {
            invalid(index, "an IPv4 or IPv6 address with an optional /PREFIX_LENGTH");
        }
        return prefix;
    }

    /** A port, 1 to 65535. */
    Optional<Integer> port(int index) {
        return integer(index, 1, 65535).map(Long::intValue);
    }

    /** One of the words of {@code choices} (compared case-sensitively, as keepalived does). */
    <T> Optional<T> choice(int index, Map<String, T> choices) {
        T value = choices.get(word(index));
        if (value == null) {
            invalid(index, "one of " + choices.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        return Optional.ofNullable(value);
    }


    /**
     * A script: {@code keyword COMMAND [USER [GROUP]]}, where COMMAND is usually quoted and may hold
     * escapes (keepalived.conf(5), "Quoted strings").
     */
    Optional<Script> script() {
        return command().map(script -> context.vet(script, location(0)));
    }

    /** A script as written, before global_defs' script_user and enable_script_security apply to it. */
    Optional<Script> command() {
        if (!require(1)) {
            return Optional.empty();
        }
        atMost(3);
        String command = ScriptWords.decode(raws.get(0));
        List<String> argv = ScriptWords.split(command);
        if (argv.isEmpty()) {
            error(0, "the script is empty; expected " + usage);
            return Optional.empty();
        }
        return Optional.of(new Script(command, argv, has(1) ? Optional.of(word(1)) : Optional.empty(),
                has(2) ? Optional.of(word(2)) : Optional.empty()));
    }

    /** Reads a decimal number of seconds into a duration, truncated to microseconds; null if it is none. */
    static Duration parseSeconds(String text) {
        // Nine integer digits are over thirty years: more is a mistake, and could overflow.
        if (text.isEmpty() || text.length() > 32 || !text.matches("[0-9]{0,9}(\\.[0-9]*)?") || text.equals(".")) {
            return null;
        }
        BigDecimal micros = new BigDecimal(text.endsWith(".") ? text + "0" : text).movePointRight(6);
        return Duration.ofNanos(micros.longValue() * 1000);
    }

    static String seconds(Duration duration) {
        BigDecimal seconds = BigDecimal.valueOf(duration.toNanos()).movePointLeft(9).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0).toPlainString() : seconds.toPlainString();
    }

    static Long parseLong(String text, int radix) {
        try {
            return Long.parseLong(text, radix);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Reads a number as strtoul with base 0 does. */
    static Long parseNumber(String text) {
        if (text.startsWith("0x") || text.startsWith("0X")) {
            return text.length() > 2 && !text.substring(2).startsWith("-") && !text.substring(2).startsWith("+")
                    ? parseLong(text.substring(2), 16) : null;
        }
        if (text.length() > 1 && text.startsWith("0")) {
            return parseLong(text.substring(1), 8);
        }
        return parseLong(text, 10);
    }
}
