package org.jkeepalived.config.internal.tree;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.ConfigLocation;

/** The block of an entry. Compares by keyword and entries, not by location. */
public final class TreeBlock implements ConfigBlock {

    private final String keyword;
    private final ConfigLocation location;
    private final List<ConfigEntry> entries;

    /**
     * @param keyword the keyword of the entry that opens the block
     * @param location where that keyword is written
     * @param entries the entries inside, in file order
     */
    public TreeBlock(String keyword, ConfigLocation location, List<? extends ConfigEntry> entries) {
        this.keyword = keyword;
        this.location = location;
        this.entries = List.copyOf(entries);
    }

    @Override
    public String keyword() {
        return keyword;
    }

    @Override
    public ConfigLocation location() {
        return location;
    }

    @Override
    public List<ConfigEntry> entries() {
        return entries;
    }

    @Override
    public Optional<ConfigEntry> last(String entryKeyword) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).keyword().equals(entryKeyword)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<ConfigEntry> all(String entryKeyword) {
        return entries.stream().filter(entry -> entry.keyword().equals(entryKeyword)).toList();
    }

    /**
     * @param keep which entries to keep
     * @return this block with only the entries that {@code keep} accepts
     */
    public TreeBlock filter(Predicate<ConfigEntry> keep) {
        return new TreeBlock(keyword, location, entries.stream().filter(keep).toList());
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof TreeBlock)) {
            return false;
        }
        TreeBlock that = (TreeBlock) other;
        return keyword.equals(that.keyword) && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyword, entries);
    }

    @Override
    public String toString() {
        return keyword + " {\n" + TreeWriter.render(entries, 1) + "}";
    }
}
