package org.jkeepalived.config.internal.lexer;

import java.util.ArrayList;
import java.util.List;

import org.jkeepalived.checker.api.Diagnostics;

/**
 * Splits a logical line into words and braces. Words are separated by blanks; {@code "} and
 * {@code '} quote blanks, braces and the other quote character; quoted and unquoted parts that touch
 * make one word, as keepalived.conf(5) describes. A backslash keeps the next character from ending a
 * quote. Braces outside quotes are tokens of their own, wherever they are, except in an undefined
 * {@code ${NAME}} reference, which stays part of its word.
 */
final class Tokenizer {

    private Tokenizer() {
    }

    static List<Token> tokenize(SourceText line, Diagnostics diagnostics) {
        List<Token> tokens = new ArrayList<>();
        String text = line.text();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Characters.isBlank(c)) {
                i++;
            } else if (c == '{' || c == '}') {
                tokens.add(new Token(c == '{' ? Token.Kind.OPEN : Token.Kind.CLOSE, String.valueOf(c), String.valueOf(c),
                        line.location(i)));
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
            } else if (Characters.isBlank(c) || c == '{' || c == '}') {
                break;
            } else if (Characters.isQuote(c)) {
                quote = c;
                quoteStart = i;
                i++;
            } else if (c == '\\' && i + 1 < text.length()) {
                value.append(c).append(text.charAt(i + 1));
                i += 2;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{' && text.indexOf('}', i) > 0) {
                int end = text.indexOf('}', i) + 1;
                value.append(text, i, end);
                i = end;
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
}
