package org.jkeepalived.config.internal.lexer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.jkeepalived.config.internal.DiagnosticCollector;

/**
 * Turns keepalived.conf text into logical lines of tokens. Between reading a line and handing out its
 * tokens, it removes comments, joins continued lines, drops conditional lines whose
 * {@code @ID}/{@code @^ID} does not fit the config id, records {@code $NAME=value} definitions
 * (multi-line ones too), unrolls {@code ~SEQ}/{@code ~LST} lines, substitutes definitions and reads
 * included files in place, as keepalived.conf(5) describes.
 *
 * <p>Whatever the input, it reports problems to its diagnostics and never throws.
 */
public final class Lexer {

    /** Bounds what a configuration can make the lexer do: a deeper include nesting is a loop. */
    static final int MAX_INCLUDE_DEPTH = 32;
    /** Bounds the lines that sequences and definitions can produce. */
    static final int MAX_LINES = 1_000_000;
    /** A configuration file larger than this is not a configuration file. */
    static final long MAX_FILE_SIZE = 16L << 20;

    /** A substitution can make a line conditional or a definition again; a few rounds settle any real line. */
    private static final int MAX_RECHECKS = 16;

    private static final Set<String> INCLUDES = Set.of("include", "includer", "includem", "includew", "includeb", "includea");
    /** The include variants that make a pattern without match an error, even with wildcards. */
    private static final Set<String> WILDCARD_MUST_MATCH = Set.of("includew", "includea");

    private final String configId;
    private final DiagnosticCollector diagnostics;
    private final Definitions definitions;
    private final Substitution substitution;
    private final Deque<LineSource> sources = new ArrayDeque<>();
    private final Deque<FileSource> files = new ArrayDeque<>();
    private long linesRead;
    private boolean stopped;

    /**
     * @param configId the config id that {@code @ID} lines are compared with
     * @param random the source of {@code ${_RANDOM}}
     * @param diagnostics where problems go
     */
    public Lexer(String configId, RandomGenerator random, DiagnosticCollector diagnostics) {
        this.configId = configId;
        this.diagnostics = diagnostics;
        this.definitions = new Definitions(configId, random, this::currentDirectory);
        this.substitution = new Substitution(definitions, diagnostics);
    }

    /**
     * Starts reading a file.
     *
     * @param file the file
     * @param name the file as diagnostics name it, usually as the user gave it
     * @return whether it could be read; if not, an error was reported
     */
    public boolean open(Path file, String name) {
        List<String> lines = read(file, name);
        if (lines == null) {
            return false;
        }
        push(new FileSource(name, file.toAbsolutePath().normalize(), lines));
        return true;
    }

    /**
     * Starts reading text as if it were the file {@code name}; relative includes start from the
     * current directory.
     *
     * @param name the name diagnostics give the text
     * @param text the configuration text
     */
    public void open(String name, String text) {
        Path path;
        try {
            path = Path.of(name).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            path = Path.of("").toAbsolutePath();
        }
        push(new FileSource(name, path, splitLines(text)));
    }

    /**
     * @return the tokens of the next logical line, never empty, or {@code null} at the end of the input
     */
    public List<Token> nextLine() {
        while (!stopped) {
            LineSource source = sources.peek();
            if (source == null) {
                return null;
            }
            RawLine raw = source.next();
            if (raw == null) {
                pop();
                continue;
            }
            if (++linesRead > MAX_LINES) {
                diagnostics.error(raw.text().location(0), "the configuration expands to more than " + MAX_LINES
                        + " lines: a sequence or definition without end? Reading stops here");
                stopped = true;
                return null;
            }
            SourceText text = process(raw, source);
            if (text == null) {
                continue;
            }
            if (INCLUDES.contains(firstWord(text.text()))) {
                // keepalived finds includes before it splits lines at braces, so that {a,b} names files.
                include(Tokenizer.words(text, diagnostics));
                continue;
            }
            return split(text);
        }
        return null;
    }

    /**
     * Returns the line up to its first brace, or the brace alone if it starts with one; the rest is
     * read next as a line of its own, as keepalived reads it, so that text after a brace may be
     * conditional, a definition or an include.
     */
    private List<Token> split(SourceText text) {
        int brace = Tokenizer.firstBrace(text.text());
        if (brace < 0) {
            return Tokenizer.words(text, diagnostics);
        }
        if (brace == 0) {
            if (text.length() > 1) {
                push(new PendingLine(text.substring(1)));
            }
            return List.of(Tokenizer.brace(text));
        }
        push(new PendingLine(text.substring(brace)));
        return Tokenizer.words(text.substring(0, brace), diagnostics);
    }

    /** Runs one line through conditionals, definitions, sequences and substitution; null if it is consumed. */
    private SourceText process(RawLine raw, LineSource source) {
        SourceText text = raw.text();
        if (raw.continued()) {
            SourceText kept = conditional(text);
            if (kept != null && isDefinition(kept.text())) {
                defineMultiline(kept, source);
                return null;
            }
            if (kept == null && isDefinition(withoutCondition(text))) {
                // The body of a multi-line definition whose condition does not hold is read and dropped.
                readDefinitionBody(source, new ArrayList<>());
                return null;
            }
            text = joinContinued(text, source);
        }
        for (int round = 0; round < MAX_RECHECKS; round++) {
            text = text.strip();
            if (text.isEmpty()) {
                return null;
            }
            text = conditional(text);
            if (text == null) {
                return null;
            }
            if (isDefinition(text.text())) {
                define(text);
                return null;
            }
            if (Sequence.starts(text.text())) {
                Sequence.Parsed parsed = Sequence.parse(text, substitution, diagnostics);
                if (parsed != null && !parsed.body().isEmpty()) {
                    push(new SequenceSource(parsed.sequence(), parsed.body(), definitions));
                }
                return null;
            }
            if (text.text().indexOf('$') < 0) {
                break;
            }
            Substitution.Result result = substitution.substitute(text);
            if (result.line() == null) {
                return null;
            }
            if (!result.following().isEmpty()) {
                push(new ExpansionSource(text.location(0), result.following()));
            }
            boolean changed = !result.line().text().equals(text.text());
            text = result.line();
            if (!changed) {
                break;
            }
        }
        return text;
    }

    private static String firstWord(String line) {
        int end = 0;
        while (end < line.length() && !Characters.isBlank(line.charAt(end))) {
            end++;
        }
        return line.substring(0, end);
    }

    /** Applies a leading {@code @ID} or {@code @^ID}: the rest of the line, or null if the line is dropped. */
    private SourceText conditional(SourceText text) {
        String line = text.text();
        if (!line.startsWith("@")) {
            return text;
        }
        boolean negated = line.startsWith("@^");
        int idStart = negated ? 2 : 1;
        int idEnd = idStart;
        while (idEnd < line.length() && !Characters.isBlank(line.charAt(idEnd))) {
            idEnd++;
        }
        if (idEnd >= line.length()) {
            return null;
        }
        boolean matches = line.substring(idStart, idEnd).equals(configId);
        return matches != negated ? text.substring(idEnd).strip() : null;
    }

    private static String withoutCondition(SourceText text) {
        String line = text.text();
        if (!line.startsWith("@")) {
            return line;
        }
        int blank = 0;
        while (blank < line.length() && !Characters.isBlank(line.charAt(blank))) {
            blank++;
        }
        return line.substring(blank).strip();
    }

    /** A definition is {@code $NAME=VALUE}, with no blank before the {@code =}. */
    private static boolean isDefinition(String line) {
        if (line.length() < 3 || line.charAt(0) != '$' || !Characters.isNameStart(line.charAt(1))) {
            return false;
        }
        int i = 2;
        while (i < line.length() && Characters.isNamePart(line.charAt(i))) {
            i++;
        }
        return i < line.length() && line.charAt(i) == '=';
    }

    private void define(SourceText line) {
        String text = line.text();
        int equals = text.indexOf('=');
        definitions.define(text.substring(1, equals), text.substring(equals + 1).strip());
    }

    private void defineMultiline(SourceText header, LineSource source) {
        String text = header.text();
        int equals = text.indexOf('=');
        List<String> lines = new ArrayList<>();
        String first = text.substring(equals + 1).strip();
        if (!first.isEmpty()) {
            lines.add(first);
        }
        readDefinitionBody(source, lines);
        definitions.defineLines(text.substring(1, equals), lines);
    }

    /** Reads the lines of a multi-line definition: up to one that does not end with a backslash, or a blank one. */
    private static void readDefinitionBody(LineSource source, List<String> lines) {
        RawLine line;
        while ((line = source.next()) != null) {
            if (!line.text().isEmpty()) {
                lines.add(line.text().text());
            }
            if (!line.continued() || line.text().isEmpty()) {
                return;
            }
        }
    }

    /** Joins a line that ends with a backslash with the lines that continue it. */
    private static SourceText joinContinued(SourceText first, LineSource source) {
        SourceText text = first;
        RawLine next = new RawLine(first, true);
        while (next.continued()) {
            next = source.next();
            if (next == null) {
                break;
            }
            text = text.append(SourceText.at(next.text().location(0), " ")).append(next.text());
        }
        return text;
    }

    /** Reads the files an include line names, in place. */
    private void include(List<Token> tokens) {
        Token keyword = tokens.get(0);
        if (tokens.size() != 2) {
            diagnostics.error(keyword.location(), keyword.value() + " takes one file name or pattern: "
                    + keyword.value() + " /etc/keepalived/conf.d/*.conf");
            return;
        }
        Token argument = tokens.get(1);
        FileSource including = files.peek();
        Path directory = including == null ? Path.of("").toAbsolutePath() : including.path().getParent();
        List<IncludePattern.Alternative> alternatives = IncludePattern.expand(argument.value(), directory);
        if (alternatives.size() >= IncludePattern.MAX_ALTERNATIVES) {
            diagnostics.error(argument.location(), "'" + argument.value() + "' names more than "
                    + IncludePattern.MAX_ALTERNATIVES + " alternatives");
            return;
        }
        // Later files are pushed first, so that the first match is read first.
        List<Path> matches = new ArrayList<>();
        for (IncludePattern.Alternative alternative : alternatives) {
            if (alternative.matches().isEmpty() && (!alternative.wildcard() || WILDCARD_MUST_MATCH.contains(keyword.value()))) {
                diagnostics.error(argument.location(), "cannot include '" + alternative.pattern() + "': "
                        + (alternative.wildcard() ? "no file matches " : "no such file ")
                        + resolved(directory, alternative.pattern()));
            }
            matches.addAll(alternative.matches());
        }
        if (files.size() + 1 > MAX_INCLUDE_DEPTH && !matches.isEmpty()) {
            diagnostics.error(argument.location(), "includes nested more than " + MAX_INCLUDE_DEPTH
                    + " deep: does a file include itself through others?");
            return;
        }
        for (int i = matches.size() - 1; i >= 0; i--) {
            Path match = matches.get(i);
            if (files.stream().anyMatch(file -> file.path().equals(match))) {
                diagnostics.error(argument.location(), "cannot include " + match + ": it is already being read (include loop)");
                continue;
            }
            String name = displayName(including, argument.value(), match, directory);
            List<String> lines = read(match, name);
            if (lines != null) {
                push(new FileSource(name, match, lines));
            }
        }
    }

    /** Names an included file as the user would: relative to where the including file was named, if the pattern is relative. */
    private static String displayName(FileSource including, String pattern, Path match, Path directory) {
        if (including == null || isAbsolute(pattern)) {
            return match.toString();
        }
        Path includingName = Path.of(including.name()).getParent();
        Path relative = directory.relativize(match);
        return includingName == null ? relative.toString() : includingName.resolve(relative).toString();
    }

    /** The pattern as a path from the including file's directory, for messages; any text is a pattern. */
    private static String resolved(Path directory, String pattern) {
        try {
            return directory.resolve(pattern).normalize().toString();
        } catch (InvalidPathException e) {
            return pattern.startsWith("/") ? pattern : directory + "/" + pattern;
        }
    }

    private static boolean isAbsolute(String pattern) {
        try {
            return Path.of(pattern).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private List<String> read(Path file, String name) {
        try {
            if (Files.size(file) > MAX_FILE_SIZE) {
                diagnostics.fileError(name, "cannot read: larger than " + (MAX_FILE_SIZE >> 20) + " MiB");
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            // keepalived reads bytes; text that is not UTF-8 still gets through, with replacement characters.
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return splitLines(text);
        } catch (NoSuchFileException e) {
            diagnostics.fileError(name, "cannot read: no such file");
        } catch (IOException | RuntimeException e) {
            diagnostics.fileError(name, "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return null;
    }

    private static List<String> splitLines(String text) {
        return text.lines().toList();
    }

    private void push(LineSource source) {
        sources.push(source);
        if (source instanceof FileSource file) {
            files.push(file);
        }
    }

    private void pop() {
        if (sources.pop() instanceof FileSource) {
            files.pop();
        }
    }

    private String currentDirectory() {
        FileSource file = files.peek();
        Path parent = file == null ? null : file.path().getParent();
        return parent == null ? "/" : parent.toString();
    }
}
