package org.jkeepalived.checker.misc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;

import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.Checker;

/**
 * Runs the program of a MISC_CHECK once per probe and judges its exit status. A probe that outlives
 * its time is cancelled by the engine; the program and everything it started are then ended.
 */
final class MiscChecker implements Checker {

    private final MiscCheckDefinition definition;
    private final ScheduledExecutorService loop;
    private volatile ScriptProcess running;

    MiscChecker(MiscCheckDefinition definition, ScheduledExecutorService loop) {
        this.definition = definition;
        this.loop = loop;
    }

    @Override
    public CompletableFuture<CheckOutcome> check() {
        CompletableFuture<CheckOutcome> outcome = new CompletableFuture<>();
        ScriptProcess.start(definition).whenComplete((script, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                outcome.complete(CheckOutcome.down(cause.getMessage()));
                return;
            }
            running = script;
            CompletableFuture<Integer> exit = script.exit();
            exit.thenAccept(status -> outcome.complete(ExitStatus.outcome(status, definition.dynamic())));
            // Registered once the program runs: a probe cancelled while it started ends it at once.
            outcome.whenComplete((result, error) -> {
                if (!exit.isDone()) {
                    script.terminate(loop);
                }
                if (running == script) {
                    running = null;
                }
            });
        });
        return outcome;
    }

    @Override
    public void close() {
        ScriptProcess script = running;
        if (script != null) {
            script.terminate(loop);
        }
    }
}
