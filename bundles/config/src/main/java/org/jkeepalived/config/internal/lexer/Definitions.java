package org.jkeepalived.config.internal.lexer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The {@code $NAME=value} definitions seen so far, and the predefined ones of keepalived.conf(5):
 * {@code _PWD}, {@code _INSTANCE}, {@code _RANDOM [MIN [MAX]]}, {@code _HASH} and {@code _BANG}. A
 * definition made in the file replaces a predefined one of the same name.
 */
final class Definitions {

    /** {@code _RANDOM}'s range when no bounds are given, as keepalived's. */
    private static final long RANDOM_MAX = 32767;

    /**
     * A value: one line, or several for a multi-line definition.
     *
     * @param lines the lines, at least one for a single-line definition
     * @param multiline whether it was written over several lines
     */
    record Value(List<String> lines, boolean multiline) {
    }

    private final Map<String, Value> values = new HashMap<>();
    private final String configId;
    private final RandomGenerator random;
    private final Supplier<String> currentDirectory;

    Definitions(String configId, RandomGenerator random, Supplier<String> currentDirectory) {
        this.configId = configId;
        this.random = random;
        this.currentDirectory = currentDirectory;
    }

    void define(String name, String value) {
        values.put(name, new Value(List.of(value), false));
    }

    void defineLines(String name, List<String> lines) {
        values.put(name, new Value(List.copyOf(lines), true));
    }

    /** Whether a definition takes parameters, as {@code ${_RANDOM 1 10}} does. */
    boolean takesParameters(String name) {
        return !values.containsKey(name) && name.equals("_RANDOM");
    }

    /**
     * @param name a definition's name
     * @param parameters the parameters after the name within braces, blank for none
     * @return the value, if the name is defined
     */
    Optional<Value> lookup(String name, String parameters) {
        Value value = values.get(name);
        if (value != null) {
            return Optional.of(value);
        }
        return predefined(name, parameters).map(text -> new Value(List.of(text), false));
    }

    private Optional<String> predefined(String name, String parameters) {
        switch (name) {
            case "_PWD":
                return Optional.of(currentDirectory.get());
            case "_INSTANCE":
                return Optional.of(configId);
            case "_HASH":
                return Optional.of("#");
            case "_BANG":
                return Optional.of("!");
            case "_RANDOM":
                return Optional.of(Long.toString(randomIn(parameters)));
            default:
                return Optional.empty();
        }
    }

    private long randomIn(String parameters) {
        String[] bounds = parameters.isBlank() ? new String[0] : parameters.trim().split("\\s+");
        long min = bounds.length > 0 ? parseBound(bounds[0], 0) : 0;
        long max = bounds.length > 1 ? parseBound(bounds[1], RANDOM_MAX) : RANDOM_MAX;
        if (max < min) {
            max = min;
        }
        return min + random.nextLong(max - min + 1);
    }

    /** The reference syntax only lets digits through, but a number may still be too long for a long. */
    private static long parseBound(String digits, long fallback) {
        try {
            return Math.min(Long.parseLong(digits), Long.MAX_VALUE / 2);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
