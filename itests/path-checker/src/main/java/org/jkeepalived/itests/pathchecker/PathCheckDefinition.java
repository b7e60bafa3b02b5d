package org.jkeepalived.itests.pathchecker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.jkeepalived.checker.api.CheckContext;
import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.api.CheckerDefinition;

/** A bound PATH_CHECK block. */
record PathCheckDefinition(Path path) implements CheckerDefinition {

    @Override
    public Checker newChecker(CheckTarget target, CheckContext context) {
        // A stat can block on a stale network file system: never on the checker loop.
        return () -> CompletableFuture.supplyAsync(() -> Files.exists(path)
                ? CheckOutcome.up(path + " exists")
                : CheckOutcome.down(path + " does not exist"));
    }
}
