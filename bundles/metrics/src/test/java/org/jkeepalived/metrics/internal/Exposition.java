package org.jkeepalived.metrics.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Prometheus's text format 0.0.4 as a scraper does, strictly: every sample belongs to a family
 * declared by a TYPE line before it, once, and every line is a comment or a well-formed sample.
 */
final class Exposition {

    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*)\\})? (\\S+)");
    private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter|summary|histogram|untyped)");

    /** Samples by {@code name{labels}} as written. */
    final Map<String, Double> samples = new LinkedHashMap<>();
    final Map<String, String> types = new HashMap<>();

    Exposition(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                Matcher type = TYPE.matcher(line);
                if (!type.matches() || types.put(type.group(1), type.group(2)) != null) {
                    throw new IllegalArgumentException("bad or repeated TYPE line: " + line);
                }
            } else if (line.startsWith("# HELP ") || line.isEmpty()) {
                continue;
            } else {
                Matcher sample = SAMPLE.matcher(line);
                if (!sample.matches()) {
                    throw new IllegalArgumentException("not a sample: " + line);
                }
                if (!types.containsKey(sample.group(1))) {
                    throw new IllegalArgumentException("sample before its TYPE: " + line);
                }
                String key = sample.group(1) + (sample.group(2) == null ? "" : sample.group(2));
                if (samples.put(key, Double.parseDouble(sample.group(4))) != null) {
                    throw new IllegalArgumentException("repeated sample: " + line);
                }
            }
        }
    }

    /** @return the sample's value, failing if there is none */
    double value(String key) {
        Double value = samples.get(key);
        if (value == null) {
            throw new AssertionError("no sample " + key + " among " + samples.keySet());
        }
        return value;
    }
}
