package org.jkeepalived.healthcheck.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jkeepalived.checker.api.CheckContext;
import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.Diagnostics;

/**
 * {@code ANSWER_CHECK}: a checker plugin of the tests that asks the real server how it is. It
 * connects, reads one line ({@code up}, {@code up WEIGHT} or {@code down REASON}) and gives it as
 * the outcome ({@code crash} makes the checker itself fail), so that a test decides outcomes and weights through a real server. Its probes block
 * on threads of their own, as a script checker's do, and complete off the checker loop.
 */
final class AnswerCheckerFactory implements CheckerFactory {

    /** The threads that made checkers: the engine's checker loops. */
    static final Set<String> CHECKER_THREADS = ConcurrentHashMap.newKeySet();

    private static final ExecutorService PROBES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "answer-probe");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public String keyword() {
        return "ANSWER_CHECK";
    }

    @Override
    public Set<String> subKeywords() {
        return Set.of();
    }

    @Override
    public CheckerDefinition bind(ConfigBlock block, Diagnostics diagnostics) {
        return new Definition();
    }

    private record Definition() implements CheckerDefinition {
        @Override
        public Checker newChecker(CheckTarget target, CheckContext context) {
            CHECKER_THREADS.add(Thread.currentThread().getName());
            return () -> CompletableFuture.supplyAsync(() -> ask(target), PROBES);
        }
    }

    private static CheckOutcome ask(CheckTarget target) {
        try (Socket socket = new Socket()) {
            socket.connect(target.address(), (int) target.connectTimeout().toMillis());
            socket.setSoTimeout((int) target.connectTimeout().toMillis());
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            if (line == null) {
                return CheckOutcome.down("no answer");
            }
            if (line.equals("crash")) {
                throw new IllegalStateException("the checker broke on purpose");
            }
            String[] words = line.split(" ", 2);
            if (words[0].equals("up")) {
                if (words.length == 1) {
                    return CheckOutcome.up("answered up");
                }
                // "up 7" sets the weight, "up +2" and "up -2" move it from the configured one
                return words[1].startsWith("+") || words[1].startsWith("-")
                        ? CheckOutcome.up("answered up").withWeightOffset(Long.parseLong(words[1]))
                        : CheckOutcome.up("answered up").withWeight(Integer.parseInt(words[1]));
            }
            return CheckOutcome.down(words.length == 1 ? "answered down" : words[1]);
        } catch (IOException e) {
            return CheckOutcome.down(e.getMessage());
        }
    }
}
