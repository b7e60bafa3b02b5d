package org.jkeepalived.checker.misc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits {@code misc_path} into the program and its arguments as keepalived does: words separated by
 * spaces or tabs, single or double quotes grouping, a backslash taking the next character as it is
 * (outside single quotes). No shell runs the command.
 */
final class CommandLine {

    private CommandLine() {
    }

    /**
     * @param text the command, for example {@code /usr/local/bin/check "my service" --port 80}
     * @return the words, or empty if a quote is not closed
     */
    static Optional<List<String>> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            return Optional.empty();
        }
        if (inWord) {
            words.add(word.toString());
        }
        return Optional.of(words);
    }
}
