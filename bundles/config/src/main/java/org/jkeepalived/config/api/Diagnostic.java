package org.jkeepalived.config.api;

import java.util.Objects;
import java.util.Optional;

import org.jkeepalived.checker.api.ConfigLocation;

/**
 * One problem found in a configuration, printed as compilers print theirs:
 * {@code file:line:column: error: one-line reason}, or {@code file: error: reason} for a problem
 * with the file as a whole (it cannot be read, for example).
 *
 * @param severity error or warning
 * @param file the file as the configuration names it
 * @param line the line, from 1, or 0 for the file as a whole
 * @param column the column, from 1, or 0 for the file as a whole
 * @param message what is wrong and what is expected, on one line
 */
public record Diagnostic(Severity severity, String file, int line, int column, String message) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0 || (line == 0) != (column == 0)) {
            throw new IllegalArgumentException("line and column count from 1, or are both 0: " + line + ":" + column);
        }
    }

    /**
     * @param severity error or warning
     * @param location where the problem is written
     * @param message what is wrong and what is expected
     * @return the diagnostic
     */
    public static Diagnostic at(Severity severity, ConfigLocation location, String message) {
        return new Diagnostic(severity, location.file(), location.line(), location.column(), message);
    }

    /**
     * @param severity error or warning
     * @param file the file the problem is about
     * @param message what is wrong
     * @return a diagnostic about the file as a whole
     */
    public static Diagnostic inFile(Severity severity, String file, String message) {
        return new Diagnostic(severity, file, 0, 0, message);
    }

    /** @return where the problem is written, unless it is about the file as a whole */
    public Optional<ConfigLocation> location() {
        return line == 0 ? Optional.empty() : Optional.of(ConfigLocation.of(file, line, column));
    }

    /** @return whether this is an error */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        String where = line == 0 ? file : file + ":" + line + ":" + column;
        return where + ": " + severity.label() + ": " + message;
    }
}
