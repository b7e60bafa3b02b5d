package org.jkeepalived.checker.testkit;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;

import org.jkeepalived.checker.api.CheckContext;
import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.Probes;
import org.jkeepalived.config.api.model.lvs.CheckerBlock;
import org.jkeepalived.config.api.model.lvs.CheckerSettings;

/** A checker block bound by its plugin, with the target its real server gives it. */
public final class BoundChecker {

    private final CheckerBlock block;
    private final CheckTarget target;
    private final ScheduledExecutorService loop;

    BoundChecker(CheckerBlock block, CheckTarget target, ScheduledExecutorService loop) {
        this.block = block;
        this.target = target;
        this.loop = loop;
    }

    /** @return what the plugin bound */
    public CheckerDefinition definition() {
        return block.definition().orElseThrow();
    }

    /** @return the common settings (timers, retries, source) the engine applies */
    public CheckerSettings settings() {
        return block.settings();
    }

    /** @return where the checker connects */
    public CheckTarget target() {
        return target;
    }

    /**
     * Creates a checker on the kit's loop, for tests that probe several times.
     *
     * @return a new checker; close it after use
     */
    public Checker newChecker() {
        CheckContext context = new CheckContext() {
            @Override
            public ScheduledExecutorService executor() {
                return loop;
            }

            @Override
            public String name() {
                return target + " " + block.keyword();
            }
        };
        return call(() -> definition().newChecker(target, context));
    }

    /**
     * Runs one probe with a new checker, bounded by the definition's probe timeout as the engine
     * bounds it, and closes the checker.
     *
     * @return the outcome
     */
    public CheckOutcome probe() {
        Checker checker = newChecker();
        try {
            return probe(checker);
        } finally {
            call(() -> {
                checker.close();
                return null;
            });
        }
    }

    /**
     * Runs one probe with {@code checker}, as the engine does.
     *
     * @param checker a checker from {@link #newChecker()}
     * @return the outcome
     */
    public CheckOutcome probe(Checker checker) {
        try {
            return call(() -> Probes.run(checker, definition().probeTimeout(target), loop)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new AssertionError("the checker failed instead of returning an outcome", e.getCause());
        }
    }

    /** Runs on the checker loop, where the engine calls checkers. */
    private <T> T call(java.util.concurrent.Callable<T> action) {
        try {
            return loop.submit(action).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new AssertionError("the checker threw on its loop", e.getCause());
        }
    }
}
