package org.jkeepalived.config.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.internal.bind.ConfigBinder;
import org.jkeepalived.config.internal.lexer.Lexer;
import org.jkeepalived.config.internal.lexer.Token;
import org.jkeepalived.config.internal.tree.ParsedTree;
import org.jkeepalived.config.internal.tree.TreeBuilder;

/** One read of a configuration: lexer, tree, binder; a new instance per read. */
public final class ConfigReading {

    private final String configId;
    private final String hostName;
    private final Function<String, Optional<CheckerFactory>> checkers;
    private final RandomGenerator random;
    private final DiagnosticCollector diagnostics = new DiagnosticCollector();

    /**
     * @param configId the config id of {@code @ID} lines
     * @param hostName the host name that defaults come from
     * @param checkers the checker plugins by keyword
     * @param random the source of {@code ${_RANDOM}}
     */
    public ConfigReading(String configId, String hostName, Function<String, Optional<CheckerFactory>> checkers,
            RandomGenerator random) {
        this.configId = configId;
        this.hostName = hostName;
        this.checkers = checkers;
        this.random = random;
    }

    /** Reads a file and what it includes. */
    public ConfigResult read(Path file) {
        Lexer lexer = new Lexer(configId, random, diagnostics);
        String name = file.toString();
        if (!lexer.open(file, name)) {
            return new ConfigResult(name, false, new ParsedTree(List.of()), Optional.empty(), diagnostics.diagnostics());
        }
        return finish(name, lexer);
    }

    /** Reads text as if it were the file {@code name}. */
    public ConfigResult read(String name, String text) {
        Lexer lexer = new Lexer(configId, random, diagnostics);
        lexer.open(name, text);
        return finish(name, lexer);
    }

    private ConfigResult finish(String name, Lexer lexer) {
        TreeBuilder builder = new TreeBuilder(diagnostics);
        List<Token> line;
        while (!builder.stopped() && (line = lexer.nextLine()) != null) {
            builder.line(line);
        }
        ParsedTree tree = builder.finish();
        KeepalivedConfig config = new ConfigBinder(diagnostics, hostName, checkers).bind(tree);
        Optional<KeepalivedConfig> valid = diagnostics.errorCount() == 0 ? Optional.of(config) : Optional.empty();
        return new ConfigResult(name, true, tree, valid, diagnostics.diagnostics());
    }
}
