package org.jkeepalived.config.internal.lexer;

import java.util.List;

/**
 * The body of a {@code ~SEQ} or {@code ~LST} line, once per value of its variables: before each
 * round the variables are defined, so that the body's references take the round's values.
 */
final class SequenceSource implements LineSource {

    private final Sequence sequence;
    private final SourceText body;
    private final Definitions definitions;
    private int round;

    SequenceSource(Sequence sequence, SourceText body, Definitions definitions) {
        this.sequence = sequence;
        this.body = body;
        this.definitions = definitions;
    }

    @Override
    public RawLine next() {
        if (round >= sequence.rounds()) {
            return null;
        }
        List<String> values = sequence.values(round++);
        for (int i = 0; i < values.size(); i++) {
            definitions.define(sequence.variables().get(i), values.get(i));
        }
        return new RawLine(body, false);
    }
}
