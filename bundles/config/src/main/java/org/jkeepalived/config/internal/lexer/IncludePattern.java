package org.jkeepalived.config.internal.lexer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

/**
 * Expands the file name of an {@code include}: csh-style braces ({@code {a,b}}, nested), then the
 * wildcards {@code *}, {@code ?} and {@code [...]} in any path component, as glob(3) with
 * {@code GLOB_BRACE} does. Matches of one pattern come sorted; hidden files match only a pattern that
 * starts with a dot; directories never match.
 */
final class IncludePattern {

    /**
     * The outcome for one alternative of the braces.
     *
     * @param pattern the alternative, as written
     * @param wildcard whether it has wildcards, so that no match is no surprise
     * @param matches the regular files it names, sorted
     */
    record Alternative(String pattern, boolean wildcard, List<Path> matches) {
    }

    /** The most alternatives one include may name. */
    static final int MAX_ALTERNATIVES = 1024;

    private IncludePattern() {
    }

    /**
     * @param pattern the include's argument
     * @param directory the directory that relative patterns start from
     * @return one entry per brace alternative, in the order written
     */
    static List<Alternative> expand(String pattern, Path directory) {
        List<Alternative> alternatives = new ArrayList<>();
        for (String alternative : braces(pattern)) {
            boolean wildcard = hasWildcard(alternative);
            List<Path> matches;
            try {
                Path path = directory.resolve(alternative).normalize();
                matches = wildcard ? glob(path) : Files.isRegularFile(path) ? List.of(path) : List.of();
            } catch (InvalidPathException e) {
                matches = List.of();
            }
            alternatives.add(new Alternative(alternative, wildcard, matches));
        }
        return alternatives;
    }

    /**
     * Expands the brace groups: {@code a{b,c{d,e}}f} gives abf, acdf, acef. Stops at
     * {@link #MAX_ALTERNATIVES} alternatives, so that a line of braces cannot make millions.
     */
    static List<String> braces(String pattern) {
        List<String> done = new ArrayList<>();
        Deque<String> pending = new ArrayDeque<>(List.of(pattern));
        while (!pending.isEmpty() && done.size() < MAX_ALTERNATIVES) {
            String next = pending.removeFirst();
            List<String> expanded = expandFirstGroup(next);
            if (expanded == null) {
                done.add(next);
            } else {
                for (int i = expanded.size() - 1; i >= 0; i--) {
                    pending.addFirst(expanded.get(i));
                }
            }
        }
        return done;
    }

    /** Expands the first brace group of a pattern, or returns null if it has none. */
    private static List<String> expandFirstGroup(String pattern) {
        int open = pattern.indexOf('{');
        if (open < 0) {
            return null;
        }
        int depth = 0;
        List<Integer> commas = new ArrayList<>();
        int close = -1;
        for (int i = open; i < pattern.length() && close < 0; i++) {
            char c = pattern.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                close = i;
            } else if (c == ',' && depth == 1) {
                commas.add(i);
            }
        }
        if (close < 0) {
            return null;
        }
        List<String> expanded = new ArrayList<>();
        int from = open + 1;
        commas.add(close);
        for (int comma : commas) {
            expanded.add(pattern.substring(0, open) + pattern.substring(from, comma) + pattern.substring(close + 1));
            from = comma + 1;
        }
        return expanded;
    }

    private static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    private static List<Path> glob(Path pattern) {
        List<Path> current = List.of(pattern.getRoot() == null ? Path.of("") : pattern.getRoot());
        for (int i = 0; i < pattern.getNameCount(); i++) {
            String component = pattern.getName(i).toString();
            boolean last = i == pattern.getNameCount() - 1;
            List<Path> next = new ArrayList<>();
            for (Path directory : current) {
                if (!hasWildcard(component)) {
                    Path child = directory.resolve(component);
                    if (last ? Files.isRegularFile(child) : Files.isDirectory(child)) {
                        next.add(child);
                    }
                } else {
                    next.addAll(matching(directory, component, last));
                }
            }
            current = next;
        }
        return current;
    }

    private static List<Path> matching(Path directory, String component, boolean last) {
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + component);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        TreeSet<Path> found = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                Path name = entry.getFileName();
                boolean hidden = name.toString().startsWith(".") && !component.startsWith(".");
                if (!hidden && matcher.matches(name) && (last ? Files.isRegularFile(entry) : Files.isDirectory(entry))) {
                    found.add(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return new ArrayList<>(found);
    }
}
