package org.jkeepalived.config.internal.lexer;

/**
 * Removes comments from a physical line. A comment starts at {@code #} or {@code !} outside quotes and
 * runs to the end of the line; {@code \#} and {@code \!} stand for the characters themselves. A
 * {@code \} that ends the line (after the comment is removed) continues it on the next line.
 */
final class Comments {

    private Comments() {
    }

    static RawLine strip(SourceText line) {
        SourceText text = line;
        char quote = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i += 2;
                } else {
                    if (c == quote) {
                        quote = 0;
                    }
                    i++;
                }
            } else if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next == '#' || next == '!') {
                    // The escape only hides the comment character from this scan: drop the backslash.
                    text = text.replace(i, i + 1, "");
                    i++;
                } else {
                    i += 2;
                }
            } else if (c == '#' || c == '!') {
                text = text.substring(0, i);
                break;
            } else {
                if (Characters.isQuote(c)) {
                    quote = c;
                }
                i++;
            }
        }
        text = text.strip();
        if (quote == 0 && endsWithContinuation(text.text())) {
            return new RawLine(text.substring(0, text.length() - 1).strip(), true);
        }
        return new RawLine(text, false);
    }

    /** Whether the text ends with a backslash that is not itself escaped. */
    private static boolean endsWithContinuation(String text) {
        int backslashes = 0;
        for (int i = text.length() - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
