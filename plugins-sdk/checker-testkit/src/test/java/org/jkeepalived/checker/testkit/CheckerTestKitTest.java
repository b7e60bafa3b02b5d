package org.jkeepalived.checker.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jkeepalived.checker.api.CheckContext;
import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.Diagnostics;
import org.jkeepalived.config.api.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * The kit with a small factory written here: a probe that ends as its block says, and that records
 * whether it was cancelled.
 */
class CheckerTestKitTest {

    private static final AtomicBoolean CANCELLED = new AtomicBoolean();

    @Test
    void aBlockIsBoundWithItsCommonSettingsAndProbedOnTheLoop() throws Exception {
        try (CheckerTestKit kit = CheckerTestKit.of(new OutcomeFactory());
             ServerSocket server = new ServerSocket(0)) {
            InetSocketAddress realServer = new InetSocketAddress("127.0.0.1", server.getLocalPort());

            BoundChecker bound = kit.bind("OUTCOME_CHECK {\n  outcome up\n  connect_timeout 2\n  retry 4\n}", realServer);

            assertThat(bound.target().address()).isEqualTo(realServer);
            assertThat(bound.target().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(bound.settings().retry()).isEqualTo(4);
            assertThat(bound.probe()).isEqualTo(CheckOutcome.up("on the loop"));
        }
    }

    @Test
    void aProbeThatOutlivesItsTimeoutIsCancelledAndFails() {
        try (CheckerTestKit kit = CheckerTestKit.of(new OutcomeFactory())) {
            CANCELLED.set(false);

            CheckOutcome outcome = kit.probe("OUTCOME_CHECK {\n outcome never\n connect_timeout 0.2\n}",
                    new InetSocketAddress("127.0.0.1", 9));

            assertThat(outcome).isEqualTo(CheckOutcome.down("timed out after 200 ms"));
            assertThat(CANCELLED).isTrue();
        }
    }

    @Test
    void diagnosticsCarryTheLinesOfTheBlock() {
        try (CheckerTestKit kit = CheckerTestKit.of(new OutcomeFactory())) {
            assertThat(kit.diagnostics("OUTCOME_CHECK {\n  outcome sideways\n}"))
                    .extracting(Diagnostic::line, Diagnostic::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "outcome is up, down or never"));
            assertThatThrownBy(() -> kit.bind("OUTCOME_CHECK {\n  outcome sideways\n}"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("checker.conf:2:");
        }
    }

    private static final class OutcomeFactory implements CheckerFactory {
        @Override
        public String keyword() {
            return "OUTCOME_CHECK";
        }

        @Override
        public Set<String> subKeywords() {
            return Set.of("outcome");
        }

        @Override
        public CheckerDefinition bind(ConfigBlock block, Diagnostics diagnostics) {
            String outcome = block.last("outcome").map(entry -> entry.arguments().get(0)).orElse("up");
            if (!Set.of("up", "down", "never").contains(outcome)) {
                diagnostics.error(block.last("outcome").orElseThrow().location(), "outcome is up, down or never");
            }
            return new OutcomeDefinition(outcome);
        }
    }

    private record OutcomeDefinition(String outcome) implements CheckerDefinition {
        @Override
        public Checker newChecker(CheckTarget target, CheckContext context) {
            return () -> {
                CompletableFuture<CheckOutcome> probe = new CompletableFuture<>();
                probe.whenComplete((result, failure) -> CANCELLED.set(probe.isCancelled()));
                switch (outcome) {
                    case "never":
                        return probe;
                    case "down":
                        probe.complete(CheckOutcome.down("told so"));
                        return probe;
                    default:
                        context.executor().execute(() -> probe.complete(CheckOutcome.up("on the loop")));
                        return probe;
                }
            };
        }
    }
}
