package org.jkeepalived.config.internal.lexer;

import java.util.Arrays;

import org.jkeepalived.checker.api.ConfigLocation;

/**
 * A line of configuration text that remembers, for every character, the line and column it was
 * read from. Substitution and joining keep that map, so that a token can be located even after the
 * text around it changed.
 */
final class SourceText {

    private final String file;
    private final String text;
    private final int[] lines;
    private final int[] columns;
    /** Where the text ends, for diagnostics about what is missing at the end. */
    private final int endLine;
    private final int endColumn;

    private SourceText(String file, String text, int[] lines, int[] columns, int endLine, int endColumn) {
        this.file = file;
        this.text = text;
        this.lines = lines;
        this.columns = columns;
        this.endLine = endLine;
        this.endColumn = endColumn;
    }

    /** A line as read from a file: its characters are at columns 1, 2, ... of {@code line}. */
    static SourceText physical(String file, int line, String text) {
        int[] lines = new int[text.length()];
        int[] columns = new int[text.length()];
        Arrays.fill(lines, line);
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i + 1;
        }
        return new SourceText(file, text, lines, columns, line, text.length() + 1);
    }

    /** Text that did not come from a file position of its own: every character is at {@code location}. */
    static SourceText at(ConfigLocation location, String text) {
        int[] lines = new int[text.length()];
        int[] columns = new int[text.length()];
        Arrays.fill(lines, location.line());
        Arrays.fill(columns, location.column());
        return new SourceText(location.file(), text, lines, columns, location.line(), location.column());
    }

    String file() {
        return file;
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    char charAt(int index) {
        return text.charAt(index);
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    /** @return where the character at {@code index} was read; {@code length()} gives the end of the text */
    ConfigLocation location(int index) {
        if (index >= text.length()) {
            return ConfigLocation.of(file, endLine, endColumn);
        }
        return ConfigLocation.of(file, lines[index], columns[index]);
    }

    SourceText substring(int from, int to) {
        ConfigLocation end = location(to);
        return new SourceText(file, text.substring(from, to), Arrays.copyOfRange(lines, from, to),
                Arrays.copyOfRange(columns, from, to), end.line(), end.column());
    }

    SourceText substring(int from) {
        return substring(from, text.length());
    }

    /** Replaces {@code [from, to)} with text that is located where the replaced text started. */
    SourceText replace(int from, int to, String replacement) {
        ConfigLocation at = location(from);
        int newLength = text.length() - (to - from) + replacement.length();
        int[] newLines = new int[newLength];
        int[] newColumns = new int[newLength];
        System.arraycopy(lines, 0, newLines, 0, from);
        System.arraycopy(columns, 0, newColumns, 0, from);
        Arrays.fill(newLines, from, from + replacement.length(), at.line());
        Arrays.fill(newColumns, from, from + replacement.length(), at.column());
        System.arraycopy(lines, to, newLines, from + replacement.length(), text.length() - to);
        System.arraycopy(columns, to, newColumns, from + replacement.length(), text.length() - to);
        return new SourceText(file, text.substring(0, from) + replacement + text.substring(to), newLines, newColumns,
                endLine, endColumn);
    }

    /** @return this text followed by {@code next}, which ends where {@code next} ends */
    SourceText append(SourceText next) {
        int[] newLines = Arrays.copyOf(lines, lines.length + next.lines.length);
        int[] newColumns = Arrays.copyOf(columns, columns.length + next.columns.length);
        System.arraycopy(next.lines, 0, newLines, lines.length, next.lines.length);
        System.arraycopy(next.columns, 0, newColumns, columns.length, next.columns.length);
        return new SourceText(file, text + next.text, newLines, newColumns, next.endLine, next.endColumn);
    }

    /** @return the text without leading and trailing blanks */
    SourceText strip() {
        int from = 0;
        int to = text.length();
        while (from < to && Characters.isBlank(text.charAt(from))) {
            from++;
        }
        while (to > from && Characters.isBlank(text.charAt(to - 1))) {
            to--;
        }
        return from == 0 && to == text.length() ? this : substring(from, to);
    }

    @Override
    public String toString() {
        return text;
    }
}
