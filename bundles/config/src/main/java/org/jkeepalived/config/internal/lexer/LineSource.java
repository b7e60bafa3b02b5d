package org.jkeepalived.config.internal.lexer;

/** Where the lexer's next lines come from: a file, a multi-line definition or a sequence. */
interface LineSource {

    /** @return the next line, or {@code null} when this source has no more */
    RawLine next();
}
