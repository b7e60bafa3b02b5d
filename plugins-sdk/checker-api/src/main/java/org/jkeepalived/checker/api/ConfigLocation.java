package org.jkeepalived.checker.api;

import java.util.Objects;

/**
 * A place in a configuration file: the file as named by the user (or by an {@code include}), the
 * line and the column, both counted from 1. Printed as {@code file:line:column}, the form that
 * editors and terminals link to.
 */
public final class ConfigLocation {

    private final String file;
    private final int line;
    private final int column;

    private ConfigLocation(String file, int line, int column) {
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.column = column;
    }

    /**
     * @param file the file name as the configuration refers to it
     * @param line line number, from 1
     * @param column column number, from 1
     * @return the location
     */
    public static ConfigLocation of(String file, int line, int column) {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column count from 1: " + line + ":" + column);
        }
        return new ConfigLocation(file, line, column);
    }

    /** @return the file name */
    public String file() {
        return file;
    }

    /** @return the line, from 1 */
    public int line() {
        return line;
    }

    /** @return the column, from 1 */
    public int column() {
        return column;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ConfigLocation)) {
            return false;
        }
        ConfigLocation that = (ConfigLocation) other;
        return line == that.line && column == that.column && file.equals(that.file);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, line, column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
