package org.jkeepalived.config.internal.lexer;

import java.nio.file.Path;
import java.util.List;

/** The lines of one configuration file, without their comments. */
final class FileSource implements LineSource {

    private final String name;
    private final Path path;
    private final List<String> lines;
    private int next;

    /**
     * @param name the file as diagnostics name it
     * @param path the file's absolute path
     * @param lines its lines, without line ends
     */
    FileSource(String name, Path path, List<String> lines) {
        this.name = name;
        this.path = path;
        this.lines = lines;
    }

    String name() {
        return name;
    }

    Path path() {
        return path;
    }

    @Override
    public RawLine next() {
        if (next >= lines.size()) {
            return null;
        }
        String line = lines.get(next++);
        return Comments.strip(SourceText.physical(name, next, line));
    }
}
