package org.jkeepalived.config.internal.lexer;

import java.util.ArrayList;
import java.util.List;

import org.jkeepalived.checker.api.Diagnostics;

/**
 * Splits a line into words and finds its braces. Words are separated by blanks; {@code "} and
 * {@code '} quote blanks, braces and the other quote character; quoted and unquoted parts that touch
 * make one word, as keepalived.conf(5) describes. A backslash keeps the next character from ending a
 * quote. A brace outside quotes is a token of its own, except in an undefined {@code ${NAME}}
 * reference, which stays part of its word.
 */
final class Tokenizer {

    private Tokenizer() {
    }

    /** @return the index of the first brace outside quotes and references, or -1 */
    static int firstBrace(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\\') {
                i++;
            } else if (Characters.isQuote(c)) {
                quote = c;
            } else if (reference(text, i) > 0) {
                i = reference(text, i) - 1;
            } else if (c == '{' || c == '}') {
                return i;
            }
        }
        return -1;
    }

    /** The brace a line starts with, as a token. */
    static Token brace(SourceText line) {
        char c = line.charAt(0);
        return new Token(c == '{' ? Token.Kind.OPEN : Token.Kind.CLOSE, String.valueOf(c), String.valueOf(c), line.location(0));
    }

    /** Splits text without braces into words. */
    static List<Token> words(SourceText line, Diagnostics diagnostics) {
        List<Token> tokens = new ArrayList<>();
        String text = line.text();
        int i = 0;
        while (i < text.length()) {
            if (Characters.isBlank(text.charAt(i))) {
                i++;
            } else {
                i = word(line, i, tokens, diagnostics);
            }
        }
        return tokens;
    }

    private static int word(SourceText line, int start, List<Token> tokens, Diagnostics diagnostics) {
        String text = line.text();
        StringBuilder value = new StringBuilder();
        char quote = 0;
        int quoteStart = -1;
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && i + 1 < text.length()) {
                    value.append(c).append(text.charAt(i + 1));
                    i += 2;
                } else {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        value.append(c);
                    }
                    i++;
                }
            } else if (Characters.isBlank(c)) {
                break;
            } else if (Characters.isQuote(c)) {
                quote = c;
                quoteStart = i;
                i++;
            } else if (c == '\\' && i + 1 < text.length()) {
                value.append(c).append(text.charAt(i + 1));
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        if (quote != 0) {
            diagnostics.error(line.location(quoteStart), "missing closing " + quote + " for the string started here");
        }
        tokens.add(Token.word(text.substring(start, i), value.toString(), line.location(start)));
        return i;
    }

    /** If an undefined {@code ${NAME}} reference starts at {@code i}, the index after it; otherwise 0. */
    private static int reference(String text, int i) {
        if (text.charAt(i) != '$' || i + 1 >= text.length() || text.charAt(i + 1) != '{') {
            return 0;
        }
        int close = text.indexOf('}', i);
        return close < 0 ? 0 : close + 1;
    }
}
