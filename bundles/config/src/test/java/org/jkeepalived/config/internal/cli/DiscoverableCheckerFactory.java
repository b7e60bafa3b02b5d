package org.jkeepalived.config.internal.cli;

import java.util.Set;

import org.jkeepalived.checker.api.CheckContext;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.Diagnostics;

/** A plugin's factory as config test finds it: a DS component made with its public no-argument constructor. */
public final class DiscoverableCheckerFactory implements CheckerFactory {

    private record Definition(String port) implements CheckerDefinition {
        @Override
        public Checker newChecker(CheckTarget target, CheckContext context) {
            throw new UnsupportedOperationException("config test runs no checks");
        }
    }

    @Override
    public String keyword() {
        return "PORT_CHECK";
    }

    @Override
    public Set<String> subKeywords() {
        return Set.of("port");
    }

    @Override
    public CheckerDefinition bind(ConfigBlock block, Diagnostics diagnostics) {
        return new Definition(block.last("port").map(entry -> entry.arguments().get(0)).orElse(""));
    }
}
