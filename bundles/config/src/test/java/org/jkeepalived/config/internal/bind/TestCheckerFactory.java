package org.jkeepalived.config.internal.bind;

import java.util.List;
import java.util.Set;

import org.jkeepalived.checker.api.CheckContext;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.Diagnostics;

/**
 * A checker plugin as the binder sees it: it owns a keyword and sub-keywords, and binds its block
 * into a definition that records what it was given. {@code fail} makes it report an error and
 * {@code explode} makes it throw, as a faulty plugin would.
 */
public record TestCheckerFactory(String keyword, Set<String> subKeywords) implements CheckerFactory {

    /** What the plugin was given: the keywords of its block, in order. */
    public record Definition(List<String> keywords) implements CheckerDefinition {
        @Override
        public Checker newChecker(CheckTarget target, CheckContext context) {
            throw new UnsupportedOperationException("the binder never runs checks");
        }
    }

    @Override
    public CheckerDefinition bind(ConfigBlock block, Diagnostics diagnostics) {
        for (ConfigEntry entry : block.entries()) {
            if (entry.keyword().equals("fail")) {
                diagnostics.error(entry.location(), keyword + " cannot use fail " + entry.arguments());
            }
            if (entry.keyword().equals("explode")) {
                throw new IllegalStateException("plugin bug");
            }
        }
        return new Definition(block.entries().stream().map(ConfigEntry::keyword).toList());
    }
}
