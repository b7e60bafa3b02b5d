package org.jkeepalived.config.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.checker.api.Diagnostics;
import org.jkeepalived.config.api.Diagnostic;
import org.jkeepalived.config.api.Severity;

/** Collects the diagnostics of one read of a configuration, in the order they were found. */
public final class DiagnosticCollector implements Diagnostics {

    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int errors;

    @Override
    public void error(ConfigLocation location, String message) {
        add(Diagnostic.at(Severity.ERROR, location, message));
    }

    @Override
    public void warning(ConfigLocation location, String message) {
        add(Diagnostic.at(Severity.WARNING, location, message));
    }

    /**
     * Reports an error about a file as a whole.
     *
     * @param file the file
     * @param message what is wrong
     */
    public void fileError(String file, String message) {
        add(Diagnostic.inFile(Severity.ERROR, file, message));
    }

    /**
     * @param diagnostic a diagnostic found elsewhere
     */
    public void add(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
        if (diagnostic.isError()) {
            errors++;
        }
    }

    /** @return the number of errors so far */
    public int errorCount() {
        return errors;
    }

    /**
     * @return the diagnostics so far, in the order of the text: files in the order they were first
     *         named, then by line and column, as a compiler lists them
     */
    public List<Diagnostic> diagnostics() {
        Map<String, Integer> fileOrder = new HashMap<>();
        diagnostics.forEach(diagnostic -> fileOrder.putIfAbsent(diagnostic.file(), fileOrder.size()));
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(Comparator.comparing((Diagnostic diagnostic) -> fileOrder.get(diagnostic.file()))
                .thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column));
        return List.copyOf(sorted);
    }
}
