package org.jkeepalived.config.internal.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.jkeepalived.checker.api.Diagnostics;
import org.jkeepalived.config.internal.lexer.Token;

/**
 * Builds the tree from logical lines of tokens. A {@code {} opens the block of the entry before it on
 * the same line, or of the entry on the line before when it is the first token of its line; a
 * {@code }} closes the innermost block. Braces that do not pair up are reported where they are.
 */
public final class TreeBuilder {

    /** Deeper nesting is no configuration keepalived knows, and would only cost stack. */
    static final int MAX_DEPTH = 64;

    private static final class Pending {
        final Token keyword;
        final List<Token> arguments;
        Frame block;

        Pending(Token keyword, List<Token> arguments) {
            this.keyword = keyword;
            this.arguments = arguments;
        }
    }

    private static final class Frame {
        /** The entry that owns the block, or null for the top level and for a brace that opened nothing. */
        final Pending owner;
        final Token brace;
        final List<Pending> entries = new ArrayList<>();
        /** The entry that a '{' at the start of the next line opens. */
        Pending awaitingBlock;

        Frame(Pending owner, Token brace) {
            this.owner = owner;
            this.brace = brace;
        }
    }

    private final Diagnostics diagnostics;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Frame top = new Frame(null, null);
    private boolean stopped;

    /** @param diagnostics where unpaired braces are reported */
    public TreeBuilder(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        frames.push(top);
    }

    /** @return whether nesting went too deep, after which lines are ignored */
    public boolean stopped() {
        return stopped;
    }

    /** @param tokens the tokens of one logical line */
    public void line(List<Token> tokens) {
        List<Token> words = new ArrayList<>();
        boolean firstToken = true;
        for (Token token : tokens) {
            if (stopped) {
                return;
            }
            switch (token.kind()) {
                case WORD:
                    words.add(token);
                    break;
                case OPEN:
                    open(token, words, firstToken);
                    words = new ArrayList<>();
                    break;
                case CLOSE:
                    flush(words, false);
                    words = new ArrayList<>();
                    close(token);
                    break;
                default:
                    throw new IllegalStateException("unknown token " + token);
            }
            firstToken = false;
        }
        flush(words, true);
    }

    /** @return the tree; blocks still open are reported and closed */
    public ParsedTree finish() {
        while (frames.size() > 1) {
            Frame frame = frames.pop();
            String of = frame.owner == null ? "" : " of " + frame.owner.keyword.value();
            diagnostics.error(frame.brace.location(), "this '{'" + of + " is never closed: expected '}' before the end of the configuration");
        }
        return new ParsedTree(freeze(top.entries));
    }

    private void open(Token brace, List<Token> words, boolean firstToken) {
        Frame current = frames.peek();
        Pending owner;
        if (!words.isEmpty()) {
            owner = flush(words, false);
        } else if (firstToken && current.awaitingBlock != null) {
            owner = current.awaitingBlock;
        } else {
            diagnostics.error(brace.location(), "unexpected '{': a block opens after its keyword, as in 'vrrp_instance VI_1 {'");
            owner = null;
        }
        current.awaitingBlock = null;
        if (frames.size() > MAX_DEPTH) {
            diagnostics.error(brace.location(), "blocks nested more than " + MAX_DEPTH + " deep; the rest is not read");
            stopped = true;
            return;
        }
        Frame block = new Frame(owner, brace);
        if (owner != null) {
            owner.block = block;
        }
        frames.push(block);
    }

    private void close(Token brace) {
        if (frames.size() == 1) {
            diagnostics.error(brace.location(), "unexpected '}': no block is open here");
            return;
        }
        frames.pop();
        frames.peek().awaitingBlock = null;
    }

    /** Adds the words as an entry of the current block; returns the entry, or null without words. */
    private Pending flush(List<Token> words, boolean endOfLine) {
        Frame current = frames.peek();
        if (words.isEmpty()) {
            if (!endOfLine) {
                current.awaitingBlock = null;
            }
            return null;
        }
        Pending entry = new Pending(words.get(0), List.copyOf(words.subList(1, words.size())));
        current.entries.add(entry);
        current.awaitingBlock = endOfLine ? entry : null;
        return entry;
    }

    private static List<TreeEntry> freeze(List<Pending> entries) {
        List<TreeEntry> frozen = new ArrayList<>(entries.size());
        for (Pending entry : entries) {
            TreeBlock block = entry.block == null ? null
                    : new TreeBlock(entry.keyword.value(), entry.keyword.location(), freeze(entry.block.entries));
            frozen.add(new TreeEntry(entry.keyword, entry.arguments, block));
        }
        return frozen;
    }
}
