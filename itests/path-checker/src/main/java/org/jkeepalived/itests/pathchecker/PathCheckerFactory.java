package org.jkeepalived.itests.pathchecker;

import java.nio.file.Path;
import java.util.Set;

import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.Diagnostics;
import org.osgi.service.component.annotations.Component;

/**
 * {@code PATH_CHECK { path FILE }}: the real server is up while FILE exists. Small enough to read
 * at a glance, and deployed by the tests as any third-party plugin is.
 */
@Component(service = CheckerFactory.class)
public final class PathCheckerFactory implements CheckerFactory {

    @Override
    public String keyword() {
        return "PATH_CHECK";
    }

    @Override
    public Set<String> subKeywords() {
        return Set.of("path");
    }

    @Override
    public CheckerDefinition bind(ConfigBlock block, Diagnostics diagnostics) {
        ConfigEntry path = block.last("path").orElse(null);
        if (path == null) {
            diagnostics.error(block.location(), "PATH_CHECK needs a path: path /run/service.up");
            return new PathCheckDefinition(Path.of("/"));
        }
        if (path.arguments().size() != 1) {
            diagnostics.error(path.location(), "path takes one file name, found " + path.arguments().size());
            return new PathCheckDefinition(Path.of("/"));
        }
        return new PathCheckDefinition(Path.of(path.arguments().get(0)));
    }
}
