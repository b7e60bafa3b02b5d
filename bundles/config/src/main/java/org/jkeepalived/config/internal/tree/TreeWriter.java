package org.jkeepalived.config.internal.tree;

import java.util.List;
import java.util.regex.Pattern;

import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.config.internal.lexer.Token;

/** Prints entries in keepalived.conf syntax, so that reading the text back gives the same tree. */
public final class TreeWriter {

    private static final String INDENT = "    ";
    /** A word that ends with what reads as a reference to a definition when a blank follows it. */
    private static final Pattern TRAILING_REFERENCE = Pattern.compile("(?s).*\\$[A-Za-z_][A-Za-z0-9_]*");

    private TreeWriter() {
    }

    /** @return the entries, one per line, blocks indented */
    public static String render(List<? extends ConfigEntry> entries) {
        return render(entries, 0);
    }

    static String render(List<? extends ConfigEntry> entries, int depth) {
        StringBuilder text = new StringBuilder();
        for (ConfigEntry entry : entries) {
            write(entry, depth, text);
        }
        return text.toString();
    }

    private static void write(ConfigEntry entry, int depth, StringBuilder text) {
        text.append(INDENT.repeat(depth));
        if (entry instanceof TreeEntry treeEntry) {
            text.append(keyword(word(treeEntry.keywordToken())));
            for (Token argument : treeEntry.argumentTokens()) {
                text.append(' ').append(word(argument));
            }
        } else {
            text.append(quoted(entry.keyword()));
            entry.arguments().forEach(argument -> text.append(' ').append(quoted(argument)));
        }
        if (entry.block().isPresent()) {
            text.append(" {\n");
            entry.block().get().entries().forEach(child -> write(child, depth + 1, text));
            text.append(INDENT.repeat(depth)).append('}');
        }
        text.append('\n');
    }

    /**
     * A keyword that a line cannot start with unread: a conditional, a definition, a sequence or an
     * include. keepalived takes such a word as a keyword where a brace or an {@code @ID} left it at the
     * start; an empty quoted string in front keeps it a word when the text is read again.
     */
    private static String keyword(String word) {
        boolean special = word.startsWith("@") || word.startsWith("~") || word.startsWith("include")
                || (word.startsWith("$") && word.indexOf('=') > 0);
        return special ? "\"\"" + word : word;
    }

    /**
     * The word as written; comment characters outside quotes were unescaped when read, so they are
     * escaped again, and a quote left open (an error when read) is closed.
     */
    private static String word(Token token) {
        String raw = token.raw();
        StringBuilder text = new StringBuilder(raw.length());
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote == 0 && (c == '#' || c == '!')) {
                text.append('\\');
            }
            text.append(c);
            if (c == '\\' && i + 1 < raw.length()) {
                text.append(raw.charAt(++i));
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
        }
        if (quote != 0) {
            text.append(quote);
        }
        if (TRAILING_REFERENCE.matcher(text).matches()) {
            // read before a brace or a quote, $NAME was no reference; before the blank printed next it would be
            text.append("\"\"");
        }
        return text.toString();
    }

    /** A word that did not come from a file: quoted when it holds what would split or end it. */
    private static String quoted(String word) {
        boolean plain = !word.isEmpty() && word.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '\'' || c == '{'
                || c == '}' || c == '#' || c == '!' || c == '\\' || c == '$');
        if (plain) {
            return word;
        }
        char quote = word.indexOf('"') >= 0 ? '\'' : '"';
        return quote + word + quote;
    }
}
