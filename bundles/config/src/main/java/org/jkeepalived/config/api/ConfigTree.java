package org.jkeepalived.config.api;

import java.util.List;

import org.jkeepalived.checker.api.ConfigEntry;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A configuration as read: the top-level entries after includes were expanded, conditional lines
 * resolved, definitions substituted and sequences unrolled. Every entry and argument knows its file,
 * line and column.
 *
 * <p>Trees compare by content: keywords, arguments and nested blocks, not locations.
 */
@ProviderType
public interface ConfigTree {

    /** @return the top-level entries, in the order they were read */
    List<ConfigEntry> entries();

    /**
     * Prints the tree in keepalived.conf syntax, one entry per line, blocks indented by four spaces,
     * words as written. Reading the printed text back gives an equal tree, unless a word ends with a
     * backslash (which would continue its printed line) or leaves a quote open (an error when read).
     *
     * @return the resolved configuration as text
     */
    String render();
}
