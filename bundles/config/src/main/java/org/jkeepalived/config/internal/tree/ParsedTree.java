package org.jkeepalived.config.internal.tree;

import java.util.List;

import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.config.api.ConfigTree;

/** The tree a read produced. */
public final class ParsedTree implements ConfigTree {

    private final List<ConfigEntry> entries;

    /** @param entries the top-level entries */
    public ParsedTree(List<? extends ConfigEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    @Override
    public List<ConfigEntry> entries() {
        return entries;
    }

    @Override
    public String render() {
        return TreeWriter.render(entries);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParsedTree && ((ParsedTree) other).entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return render();
    }
}
