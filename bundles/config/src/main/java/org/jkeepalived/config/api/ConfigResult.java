package org.jkeepalived.config.api;

import java.util.List;
import java.util.Optional;

import org.jkeepalived.config.api.model.KeepalivedConfig;

/**
 * What reading a configuration gave: the tree as read, every diagnostic, and the bound configuration
 * if there was no error.
 *
 * @param file the file as named to the reader
 * @param readable whether the file could be read at all; if not, nothing can run
 * @param tree the tree, as far as it could be read
 * @param config the bound configuration; present exactly when no diagnostic is an error
 * @param diagnostics errors and warnings, in the order found
 */
public record ConfigResult(String file, boolean readable, ConfigTree tree, Optional<KeepalivedConfig> config,
        List<Diagnostic> diagnostics) {

    public ConfigResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** @return whether some diagnostic is an error, so that the configuration must not be applied */
    public boolean hasErrors() {
        return errorCount() > 0;
    }

    /** @return the number of errors */
    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    /** @return the number of warnings */
    public long warningCount() {
        return diagnostics.size() - errorCount();
    }

    /** @return a one-line summary, as {@code keepalived.conf: 2 errors, 1 warning} */
    public String summary() {
        long errors = errorCount();
        long warnings = warningCount();
        if (errors == 0 && warnings == 0) {
            return file + ": configuration is valid";
        }
        return file + ": " + errors + (errors == 1 ? " error, " : " errors, ") + warnings
                + (warnings == 1 ? " warning" : " warnings");
    }
}
