package org.jkeepalived.healthcheck.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.checker.tcp.TcpCheckerFactory;
import org.jkeepalived.healthcheck.api.HealthEvent.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog's restart of stuck checker loops, against real servers on loopback: the checks
 * resume on fresh loops with the health they had, listeners (and so the data plane) hear of no
 * change that did not happen, and a server that changes afterwards is seen to change.
 */
class CheckerLoopRestartTest {

    private final EngineHarness harness = new EngineHarness();
    private final TestServer up = TestServer.open();
    private final TestServer down = TestServer.open();

    @AfterEach
    void close() {
        harness.close();
        up.close();
        down.close();
    }

    @Test
    void checksResumeOnFreshLoopsWithTheirHealthAndNoEvent() throws InterruptedException {
        harness.install(new TcpCheckerFactory());
        down.stop();
        harness.apply("virtual_server 192.0.2.1 80 {\n    protocol TCP\n    delay_loop 0.3\n    warmup 0\n"
                + realServer(up) + realServer(down) + "}\n");
        harness.awaitEvent(Kind.ADDED, up.port());
        harness.awaitEvent(Kind.DOWN, down.port());

        CountDownLatch released = new CountDownLatch(harness.engine.loops().size());
        for (Executor loop : harness.engine.loops().values()) {
            loop.execute(() -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    released.countDown();
                }
            });
        }
        Thread.sleep(1000);
        int probedBefore = up.connections().size();
        Thread.sleep(600);
        assertThat(up.connections()).as("no probe while the loops are stuck").hasSize(probedBefore);

        harness.engine.loops().keySet().forEach(harness.engine::restartLoop);

        assertThat(released.await(5, TimeUnit.SECONDS)).as("the stuck threads were interrupted").isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> up.connections().size() > probedBefore + 3);
        assertThat(harness.health(up.port()).up()).isTrue();
        assertThat(harness.health(down.port()).up()).isFalse();
        assertThat(harness.checkers(up.port()).get(0).probes()).as("probes counted on the fresh loop").isPositive();
        assertThat(harness.events.kinds(up.port())).containsExactly(Kind.ADDED);
        assertThat(harness.events.kinds(down.port())).containsExactly(Kind.ADDED, Kind.DOWN);

        down.reopen();
        harness.awaitEvent(Kind.UP, down.port());
        assertThat(harness.events.kinds(down.port())).containsExactly(Kind.ADDED, Kind.DOWN, Kind.UP);
        assertThat(harness.events.kinds(up.port())).containsExactly(Kind.ADDED);
    }

    private static String realServer(TestServer server) {
        return "    real_server 127.0.0.1 " + server.port() + " {\n        TCP_CHECK {\n            retry 0\n        }\n    }\n";
    }
}
