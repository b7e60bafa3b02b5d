package org.jkeepalived.config.internal.bind;

import java.util.ArrayList;
import java.util.List;

/**
 * The two steps that turn a script keyword's argument into a command, as keepalived.conf(5)
 * ("Quoted strings") describes them: first quotes are removed and backslash escapes decoded
 * ({@code \a \b \E \f \n \r \t \v}, {@code \nnn} octal, {@code \xXX} hex, {@code \cC} control,
 * {@code \C} for any other C); then the command is split into words at blanks, single or double
 * quotes grouping words that hold blanks, without decoding escapes a second time.
 */
final class ScriptWords {

    private ScriptWords() {
    }

    /** Removes quotes and decodes escapes of a word as written. */
    static String decode(String raw) {
        StringBuilder text = new StringBuilder(raw.length());
        char quote = 0;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i++);
            if (c == '\\' && i < raw.length()) {
                i = escape(raw, i, text);
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /** Decodes the escape whose letter is at {@code i}; returns the index after it. */
    private static int escape(String raw, int i, StringBuilder text) {
        char c = raw.charAt(i);
        if (c == 'x' && i + 1 < raw.length() && Character.digit(raw.charAt(i + 1), 16) >= 0) {
            int end = i + 1;
            int value = 0;
            while (end < raw.length() && end < i + 3 && Character.digit(raw.charAt(end), 16) >= 0) {
                value = value * 16 + Character.digit(raw.charAt(end++), 16);
            }
            text.append((char) value);
            return end;
        }
        if (c >= '0' && c <= '7') {
            int end = i;
            int value = 0;
            while (end < raw.length() && end < i + 3 && raw.charAt(end) >= '0' && raw.charAt(end) <= '7') {
                value = value * 8 + (raw.charAt(end++) - '0');
            }
            text.append((char) (value & 0xff));
            return end;
        }
        if (c == 'c' && i + 1 < raw.length()) {
            text.append((char) (raw.charAt(i + 1) & 0x1f));
            return i + 2;
        }
        switch (c) {
            case 'a':
                text.append('\u0007');
                break;
            case 'b':
                text.append('\b');
                break;
            case 'E':
                text.append('\u001b');
                break;
            case 'f':
                text.append('\f');
                break;
            case 'n':
                text.append('\n');
                break;
            case 'r':
                text.append('\r');
                break;
            case 't':
                text.append('\t');
                break;
            case 'v':
                text.append('\u000b');
                break;
            default:
                text.append(c);
        }
        return i + 1;
    }

    /** Splits a decoded command into words; quotes group, and are removed. */
    static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == ' ' || c == '\t' || c == '\n') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                if (c == '"' || c == '\'') {
                    quote = c;
                } else {
                    word.append(c);
                }
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
