package org.jkeepalived.config.internal.lexer;

import org.jkeepalived.checker.api.ConfigLocation;

/**
 * A word or brace of a logical line.
 *
 * @param kind word, opening or closing brace
 * @param raw the text as written (after substitution), quotes and backslashes included
 * @param value the word with its quote characters removed; backslashes are kept, since only some
 *              keywords (scripts) give them a meaning
 * @param location where the token starts
 */
public record Token(Kind kind, String raw, String value, ConfigLocation location) {

    /** What a token is. */
    public enum Kind {
        /** A keyword or an argument. */
        WORD,
        /** {@code {} */
        OPEN,
        /** {@code }} */
        CLOSE
    }

    static Token word(String raw, String value, ConfigLocation location) {
        return new Token(Kind.WORD, raw, value, location);
    }

    @Override
    public String toString() {
        return raw;
    }
}
