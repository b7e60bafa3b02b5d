package org.jkeepalived.config.internal.lexer;

/** The rest of a line after a brace, read as a line of its own. */
final class PendingLine implements LineSource {

    private SourceText text;

    PendingLine(SourceText text) {
        this.text = text;
    }

    @Override
    public RawLine next() {
        SourceText next = text;
        text = null;
        return next == null ? null : new RawLine(next, false);
    }
}
