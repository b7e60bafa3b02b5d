package org.jkeepalived.config.internal.lexer;

import java.util.List;

import org.jkeepalived.checker.api.ConfigLocation;

/** The remaining lines of a multi-line definition, located where the definition is used. */
final class ExpansionSource implements LineSource {

    private final ConfigLocation location;
    private final List<String> lines;
    private int next;

    ExpansionSource(ConfigLocation location, List<String> lines) {
        this.location = location;
        this.lines = lines;
    }

    @Override
    public RawLine next() {
        return next < lines.size() ? new RawLine(SourceText.at(location, lines.get(next++)), false) : null;
    }
}
