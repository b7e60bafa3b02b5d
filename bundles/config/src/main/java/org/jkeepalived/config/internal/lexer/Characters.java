package org.jkeepalived.config.internal.lexer;

/** The character classes of keepalived.conf. */
final class Characters {

    private Characters() {
    }

    /** Space, tab, carriage return, form feed and vertical tab separate words, as in keepalived. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b;
    }

    static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    static boolean isNameStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
