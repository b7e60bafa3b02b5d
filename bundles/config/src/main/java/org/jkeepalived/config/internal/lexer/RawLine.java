package org.jkeepalived.config.internal.lexer;

/**
 * A line without its comment and surrounding blanks.
 *
 * @param text the line
 * @param continued whether it ended with a {@code \} (removed from {@code text}) that continues it on
 *                  the next line
 */
record RawLine(SourceText text, boolean continued) {
}
