package org.jkeepalived.config.internal.bind;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.ConfigEntry;

/**
 * The keywords of one section of keepalived.conf and the handlers that fill the section's draft, as
 * keepalived's parser keyword tree has them. Binding a block runs the handler of each entry in order;
 * an unknown keyword, a deprecated one, one jkeepalived ignores and one it does not support yet are
 * each reported with the entry's location.
 *
 * @param <D> the draft the handlers fill
 */
final class Keywords<D> {

    /** Fills a draft from one entry. */
    @FunctionalInterface
    interface Handler<D> {
        void bind(D draft, Args args);
    }

    /** Whether a keyword comes with a block. */
    enum Block {
        /** {@code keyword values}. */
        NONE,
        /** {@code keyword values { ... }}. */
        REQUIRED
    }

    private record Keyword<D>(String name, String usage, Block block, Handler<D> handler) {
    }

    private final Map<String, Keyword<D>> keywords = new LinkedHashMap<>();
    private final Map<String, String> deprecated = new LinkedHashMap<>();
    private final Map<String, String> ignored = new LinkedHashMap<>();
    private final Map<String, String> unsupported = new LinkedHashMap<>();
    private Handler<D> otherBlocks;

    /**
     * @param name the keyword
     * @param usage its form, for messages: {@code virtual_router_id <1-255>}
     * @param handler fills the draft
     */
    Keywords<D> add(String name, String usage, Handler<D> handler) {
        keywords.put(name, new Keyword<>(name, usage, Block.NONE, handler));
        return this;
    }

    /** A keyword whose entry opens a block: {@code name values { ... }}. */
    Keywords<D> block(String name, String usage, Handler<D> handler) {
        keywords.put(name, new Keyword<>(name, usage, Block.REQUIRED, handler));
        return this;
    }

    /** An old name of a keyword: bound as {@code replacement}, with a warning that names it. */
    Keywords<D> deprecated(String old, String replacement) {
        deprecated.put(old, replacement);
        return this;
    }

    /** A keyword jkeepalived reads and ignores, because ignoring it cannot change what it does. */
    Keywords<D> ignored(String name, String reason) {
        ignored.put(name, reason);
        return this;
    }

    /** A keyword jkeepalived cannot act on yet, where ignoring it would change what the configuration does. */
    Keywords<D> unsupported(String name, String hint) {
        unsupported.put(name, hint);
        return this;
    }

    /**
     * Sends the entries of unknown keywords that open a block to a handler instead of reporting them:
     * the checker blocks of a real server, whose keywords the plugins own.
     */
    Keywords<D> otherBlocks(Handler<D> handler) {
        otherBlocks = handler;
        return this;
    }



    /**
     * Binds every entry of a block.
     *
     * @param block the block
     * @param draft what the handlers fill
     * @param where the section, for messages: {@code vrrp_instance VI_1}
     */
    void bind(ConfigBlock block, D draft, String where, BindContext context) {
        for (ConfigEntry entry : block.entries()) {
            bind(entry, draft, where, context);
        }
    }

    void bind(ConfigEntry entry, D draft, String where, BindContext context) {
        String name = entry.keyword();
        if (ignored.containsKey(name)) {
            context.warning(entry.location(), "'" + name + "' is ignored: " + ignored.get(name));
            return;
        }
        if (unsupported.containsKey(name)) {
            String hint = unsupported.get(name);
            context.error(entry.location(), "'" + name + "' is not supported yet" + (hint.isEmpty() ? "" : ": " + hint));
            return;
        }
        Keyword<D> keyword = keywords.get(name);
        if (keyword == null && deprecated.containsKey(name)) {
            String replacement = deprecated.get(name);
            context.warning(entry.location(), "'" + name + "' is deprecated; use '" + replacement + "'");
            keyword = keywords.get(replacement);
        }
        if (keyword == null && otherBlocks != null && entry.block().isPresent()) {
            otherBlocks.bind(draft, Args.of(entry, name + " { ... }", context));
            return;
        }
        if (keyword == null) {
            context.error(entry.location(), "unknown keyword '" + name + "' in " + where
                    + suggestion(name).map(s -> "; did you mean '" + s + "'?").orElse(""));
            return;
        }
        if (keyword.block() == Block.REQUIRED && entry.block().isEmpty()) {
            context.error(entry.location(), "'" + name + "' needs a block: " + keyword.usage() + " { ... }");
            return;
        }
        if (keyword.block() == Block.NONE && entry.block().isPresent()) {
            context.error(entry.location(), "'" + name + "' takes no block; expected " + keyword.usage());
            return;
        }
        keyword.handler().bind(draft, Args.of(entry, keyword.usage(), context));
    }

    /** The known keyword closest to a mistyped one, if one is close: two edits at most, one for short words. */
    private Optional<String> suggestion(String name) {
        return closest(name, keywords.keySet());
    }

    /** The word of {@code known} closest to {@code name}, if one is close. */
    static Optional<String> closest(String name, Iterable<String> known) {
        String best = null;
        int bestDistance = name.length() < 5 ? 2 : 3;
        for (String candidate : known) {
            int distance = distance(name, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance, bounded: long words far apart are not compared letter by letter. */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2 || a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
