package org.jkeepalived.config.internal.tree;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.internal.lexer.Token;

/** One keyword line of the tree. Compares by keyword, arguments and block, not by location. */
public final class TreeEntry implements ConfigEntry {

    private final Token keyword;
    private final List<Token> arguments;
    private final List<String> values;
    private final TreeBlock block;

    /**
     * @param keyword the first word
     * @param arguments the other words
     * @param block the nested block, or {@code null}
     */
    public TreeEntry(Token keyword, List<Token> arguments, TreeBlock block) {
        this.keyword = keyword;
        this.arguments = List.copyOf(arguments);
        this.values = this.arguments.stream().map(Token::value).toList();
        this.block = block;
    }

    @Override
    public String keyword() {
        return keyword.value();
    }

    @Override
    public List<String> arguments() {
        return values;
    }

    @Override
    public ConfigLocation location() {
        return keyword.location();
    }

    @Override
    public ConfigLocation argumentLocation(int index) {
        return arguments.get(index).location();
    }

    @Override
    public Optional<ConfigBlock> block() {
        return Optional.ofNullable(block);
    }

    /** @return the keyword as written */
    public Token keywordToken() {
        return keyword;
    }

    /** @return the arguments as written, with their quotes and backslashes */
    public List<Token> argumentTokens() {
        return arguments;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof TreeEntry)) {
            return false;
        }
        TreeEntry that = (TreeEntry) other;
        return keyword().equals(that.keyword()) && values.equals(that.values) && Objects.equals(block, that.block);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyword(), values, block);
    }

    @Override
    public String toString() {
        return TreeWriter.render(List.of(this)).strip();
    }
}
