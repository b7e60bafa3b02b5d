package org.jkeepalived.config.internal.lexer;

import java.util.ArrayList;
import java.util.List;

import org.jkeepalived.checker.api.Diagnostics;

/**
 * Replaces {@code $NAME} (followed by a blank, {@code ,}, {@code )} or the end of the line) and
 * {@code ${NAME}} with the definition's value. Replaced text is scanned again, so definitions may use
 * definitions; an undefined name is left as written. A multi-line definition is expanded only where
 * its reference ends the line: its first line replaces the reference and its other lines follow.
 */
final class Substitution {

    /** Bounds the work a recursive definition can cause, as keepalived bounds the line length. */
    static final int MAX_LINE_LENGTH = 65536;
    private static final int MAX_REPLACEMENTS = 10000;

    /**
     * The line after substitution.
     *
     * @param line the substituted line, or {@code null} if it had to be dropped
     * @param following lines of multi-line definitions to read after it
     */
    record Result(SourceText line, List<String> following) {
    }

    private record Reference(String name, String parameters, int end) {
    }

    private final Definitions definitions;
    private final Diagnostics diagnostics;

    Substitution(Definitions definitions, Diagnostics diagnostics) {
        this.definitions = definitions;
        this.diagnostics = diagnostics;
    }

    Result substitute(SourceText line) {
        SourceText text = line;
        List<String> following = new ArrayList<>();
        int replacements = 0;
        int position = text.text().indexOf('$');
        while (position >= 0 && position + 1 < text.length()) {
            Reference reference = reference(text.text(), position);
            Definitions.Value value = reference == null ? null
                    : definitions.lookup(reference.name(), reference.parameters()).orElse(null);
            if (value == null || (value.multiline() && reference.end() != text.length())) {
                position = text.text().indexOf('$', position + 1);
                continue;
            }
            String replacement = value.lines().isEmpty() ? "" : value.lines().get(0);
            if (value.multiline()) {
                following.addAll(0, value.lines().subList(Math.min(1, value.lines().size()), value.lines().size()));
            }
            if (++replacements > MAX_REPLACEMENTS
                    || text.length() - (reference.end() - position) + replacement.length() > MAX_LINE_LENGTH) {
                diagnostics.error(text.location(position), "$" + reference.name()
                        + " expands without end: a definition that refers to itself? The line is dropped");
                return new Result(null, List.of());
            }
            text = text.replace(position, reference.end(), replacement);
            if (replacement.stripLeading().startsWith("~")) {
                // A sequence must be unrolled before the rest of its line is substituted.
                break;
            }
            position = text.text().indexOf('$', position);
        }
        return new Result(text, following);
    }

    /** Parses the reference at {@code dollar}, or returns null if there is none there. */
    private Reference reference(String text, int dollar) {
        int i = dollar + 1;
        boolean braces = text.charAt(i) == '{';
        if (braces) {
            i++;
        }
        if (i >= text.length() || !Characters.isNameStart(text.charAt(i))) {
            return null;
        }
        int nameStart = i;
        while (i < text.length() && Characters.isNamePart(text.charAt(i))) {
            i++;
        }
        String name = text.substring(nameStart, i);
        if (!braces) {
            if (i < text.length() && !Characters.isBlank(text.charAt(i)) && text.charAt(i) != ',' && text.charAt(i) != ')') {
                return null;
            }
            return new Reference(name, "", i);
        }
        int parametersStart = i;
        while (i < text.length() && (text.charAt(i) == ' ' || (text.charAt(i) >= '0' && text.charAt(i) <= '9'))) {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '}') {
            return null;
        }
        String parameters = text.substring(parametersStart, i);
        if (!parameters.isBlank() && !definitions.takesParameters(name)) {
            return null;
        }
        return new Reference(name, parameters, i + 1);
    }
}
