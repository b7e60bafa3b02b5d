package org.jkeepalived.config.internal.cli;

import java.util.Set;

import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.Diagnostics;

/** A plugin's factory whose constructor needs something only the container has. */
public final class ContainerBoundCheckerFactory implements CheckerFactory {

    public ContainerBoundCheckerFactory() {
        throw new IllegalStateException("needs the OSGi framework");
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
        throw new UnsupportedOperationException("never made");
    }
}
