package org.jkeepalived.dump.internal;

/**
 * Compact JSON, written in one pass: objects and arrays opened and closed in order, commas where
 * they belong, strings escaped as RFC 8259 section 7 requires.
 */
final class JsonWriter {

    private final StringBuilder json = new StringBuilder();
    /** Whether the next value is the first of its object or array. */
    private boolean first = true;

    JsonWriter beginObject() {
        separate();
        json.append('{');
        first = true;
        return this;
    }

    JsonWriter endObject() {
        json.append('}');
        first = false;
        return this;
    }

    JsonWriter beginArray() {
        separate();
        json.append('[');
        first = true;
        return this;
    }

    JsonWriter endArray() {
        json.append(']');
        first = false;
        return this;
    }

    /** Writes a member's name; its value follows. */
    JsonWriter name(String name) {
        separate();
        string(name);
        json.append(':');
        first = true;
        return this;
    }

    JsonWriter value(String value) {
        separate();
        string(value);
        return this;
    }

    JsonWriter value(long value) {
        separate();
        json.append(value);
        return this;
    }

    JsonWriter value(boolean value) {
        separate();
        json.append(value);
        return this;
    }

    /** A number already written as JSON writes numbers, such as {@code 1795449945.543907}. */
    JsonWriter number(String value) {
        separate();
        json.append(value);
        return this;
    }

    @Override
    public String toString() {
        return json.toString();
    }

    private void separate() {
        if (!first) {
            json.append(',');
        }
        first = false;
    }

    private void string(String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
