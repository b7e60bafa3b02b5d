package org.jkeepalived.healthcheck.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jkeepalived.checker.registry.api.CheckerRegistration;
import org.jkeepalived.checker.tcp.TcpCheckerFactory;
import org.jkeepalived.healthcheck.api.CheckerDetail;
import org.jkeepalived.healthcheck.api.CheckerState;
import org.jkeepalived.healthcheck.api.HealthEvent;
import org.jkeepalived.healthcheck.api.HealthEvent.Kind;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine against real servers on loopback that the tests open, close and reopen: keepalived's
 * rules for retry, delay_before_retry, delay_loop, warmup, alpha and several checkers, weights from
 * outcomes, plugins that come late or leave, and reloads. Times are checked as bounds that hold on a
 * loaded machine.
 */
class HealthEngineTest {

    private final EngineHarness harness = new EngineHarness();
    private final List<TestServer> servers = new ArrayList<>();

    @AfterEach
    void close() {
        harness.close();
        servers.forEach(TestServer::close);
    }

    @Test
    void aRealServerWithoutCheckersIsUpFromTheStart() {
        TestServer server = server();

        harness.apply(virtualServer("", "    real_server 127.0.0.1 " + server.port() + " {\n        weight 3\n    }\n"));

        HealthEvent added = harness.awaitEvent(Kind.ADDED, server.port());
        assertThat(added.health().up()).isTrue();
        assertThat(added.health().weight()).isEqualTo(3);
        assertThat(added.health().checkers()).isEmpty();
    }

    @Test
    void aServerThatRefusesConnectionsGoesDownAfterItsRetries() {
        harness.install(new TcpCheckerFactory());
        TestServer server = server();
        server.stop();

        harness.apply(virtualServer("    delay_loop 30\n    warmup 0\n",
                realServer(server, "        TCP_CHECK {\n            retry 2\n            delay_before_retry 0.4\n        }\n")));

        HealthEvent added = harness.awaitEvent(Kind.ADDED, server.port());
        HealthEvent down = harness.awaitEvent(Kind.DOWN, server.port());
        assertThat(added.health().up()).isTrue();
        assertThat(down.reason()).isEqualTo("TCP_CHECK keepalived.conf:6 failed after 2 retries: connection refused");
        assertThat(down.checker()).map(CheckerState::name).contains("TCP_CHECK keepalived.conf:6");
        assertThat(down.health().failing()).singleElement().satisfies(checker -> {
            assertThat(checker.detail()).isEqualTo("connection refused");
            assertThat(checker.lastFailure()).isPresent();
        });
        assertThat(Duration.between(added.health().since(), down.health().since()))
                .isBetween(Duration.ofMillis(800), Duration.ofSeconds(5));
        CheckerDetail detail = harness.checkers(server.port()).get(0);
        assertThat(detail.probes()).isEqualTo(3);
        assertThat(detail.failures()).isEqualTo(3);
        assertThat(detail.plugin()).contains("org.example.tcp_check 1.0.0 [7]");
        assertThat(detail.nextProbe()).hasValueSatisfying(next -> assertThat(next).isAfter(Instant.now().plusSeconds(20)));
    }

    @Test
    void eachRetryIsAProbeTheServerSeesAfterDelayBeforeRetry() {
        harness.install(new AnswerCheckerFactory());
        TestServer server = server();
        server.answer("down busy");

        harness.apply(virtualServer("    delay_loop 30\n    warmup 0\n",
                realServer(server, "        ANSWER_CHECK {\n            retry 3\n            delay_before_retry 0.2\n        }\n")));

        HealthEvent down = harness.awaitEvent(Kind.DOWN, server.port());
        assertThat(down.reason()).isEqualTo("ANSWER_CHECK keepalived.conf:6 failed after 3 retries: busy");
        List<Long> connections = server.connections();
        assertThat(connections).hasSize(4);
        for (int i = 1; i < connections.size(); i++) {
            assertThat(Duration.ofNanos(connections.get(i) - connections.get(i - 1))).isGreaterThan(Duration.ofMillis(180));
        }
    }

    @Test
    void eachProbeIsTimedFromItsStartToItsOutcome() {
        harness.install(new AnswerCheckerFactory());
        TestServer server = server();
        server.answerDelay(300);

        harness.apply(virtualServer("    delay_loop 1\n    warmup 0\n",
                realServer(server, "        ANSWER_CHECK {\n            connect_timeout 3\n        }\n")));

        harness.awaitHealth(server.port(), health -> harness.checkers(server.port()).get(0).probes() >= 2);
        CheckerDetail detail = harness.checkers(server.port()).get(0);
        assertThat(detail.lastProbeDuration()).hasValueSatisfying(duration ->
                assertThat(duration).isBetween(Duration.ofMillis(290), Duration.ofSeconds(3)));
        assertThat(detail.probeTimeTotal()).isGreaterThanOrEqualTo(Duration.ofMillis(290 * detail.probes()));
    }

    @Test
    void alphaStartsDownAndComesUpWhenAProbePasses() {
        harness.install(new TcpCheckerFactory());
        TestServer server = server();

        harness.apply(virtualServer("    alpha\n    delay_loop 30\n    warmup 0\n", realServer(server, "        TCP_CHECK {\n        }\n")));

        HealthEvent added = harness.awaitEvent(Kind.ADDED, server.port());
        HealthEvent up = harness.awaitEvent(Kind.UP, server.port());
        assertThat(added.health().up()).isFalse();
        assertThat(added.health().failing()).singleElement()
                .satisfies(checker -> assertThat(checker.detail()).isEqualTo("alpha: down until a probe passes"));
        assertThat(up.reason()).isEqualTo("TCP_CHECK keepalived.conf:7 passed");
        assertThat(up.health().failing()).isEmpty();
    }

    @Test
    void aDownServerComesBackWithItsFirstPassingProbe() {
        harness.install(new TcpCheckerFactory());
        TestServer server = server();

        harness.apply(virtualServer("    delay_loop 0.3\n    warmup 0\n", realServer(server, "        TCP_CHECK {\n            retry 0\n        }\n")));
        harness.awaitEvent(Kind.ADDED, server.port());
        server.stop();
        harness.awaitEvent(Kind.DOWN, server.port());
        server.reopen();
        HealthEvent up = harness.awaitEvent(Kind.UP, server.port());

        assertThat(up.checker()).map(CheckerState::up).contains(true);
        assertThat(harness.events.kinds(server.port())).containsExactly(Kind.ADDED, Kind.DOWN, Kind.UP);
    }

    @Test
    void probesKeepToTheDelayLoopGridHoweverLongTheyTake() {
        harness.install(new AnswerCheckerFactory());
        TestServer server = server();
        server.answerDelay(250);

        harness.apply(virtualServer("    delay_loop 0.5\n    warmup 0\n", realServer(server, "        ANSWER_CHECK {\n        }\n")));

        await().atMost(Duration.ofSeconds(15)).until(() -> server.connections().size() >= 9);
        List<Long> connections = server.connections();
        // Eight periods of 0.5 s: probes timed from the end of the previous one would take 8 x 0.75 s.
        assertThat(Duration.ofNanos(connections.get(8) - connections.get(0))).isBetween(Duration.ofMillis(3700), Duration.ofMillis(4700));
    }

    @Test
    void warmupSpreadsTheFirstProbesOfServersStartedTogether() {
        harness.install(new TcpCheckerFactory());
        StringBuilder realServers = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            realServers.append(realServer(server(), "        TCP_CHECK {\n        }\n"));
        }
        long start = System.nanoTime();

        harness.apply(virtualServer("    delay_loop 60\n    warmup 2\n", realServers.toString()));

        await().atMost(Duration.ofSeconds(10)).until(() -> servers.stream().allMatch(server -> !server.connections().isEmpty()));
        List<Duration> firsts = servers.stream().map(server -> Duration.ofNanos(server.connections().get(0) - start)).sorted().toList();
        assertThat(firsts.get(firsts.size() - 1)).isLessThan(Duration.ofMillis(2800));
        assertThat(firsts.get(firsts.size() - 1).minus(firsts.get(0))).isGreaterThan(Duration.ofMillis(500));
        assertThat(servers).allSatisfy(server -> assertThat(server.connections()).hasSize(1));
    }

    @Test
    void withoutWarmupEveryFirstProbeComesAtOnce() {
        harness.install(new TcpCheckerFactory());
        StringBuilder realServers = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            realServers.append(realServer(server(), "        TCP_CHECK {\n        }\n"));
        }
        long start = System.nanoTime();

        harness.apply(virtualServer("    delay_loop 60\n    warmup 0\n", realServers.toString()));

        await().atMost(Duration.ofSeconds(10)).until(() -> servers.stream().allMatch(server -> !server.connections().isEmpty()));
        assertThat(servers).allSatisfy(server ->
                assertThat(Duration.ofNanos(server.connections().get(0) - start)).isLessThan(Duration.ofMillis(1500)));
    }

    @Test
    void anOutcomeSetsTheWeightAndEachChangeIsToldOnce() {
        harness.install(new AnswerCheckerFactory());
        TestServer server = server();
        server.answer("up 7");

        harness.apply(virtualServer("    delay_loop 0.2\n    warmup 0\n", realServer(server, "        ANSWER_CHECK {\n            retry 0\n        }\n")));

        HealthEvent seven = harness.awaitEvent(Kind.WEIGHT, server.port());
        assertThat(seven.health().weight()).isEqualTo(7);
        assertThat(seven.health().configuredWeight()).isEqualTo(1);
        assertThat(seven.reason()).isEqualTo("ANSWER_CHECK keepalived.conf:6 set weight 7");
        server.answer("up 3");
        harness.awaitHealth(server.port(), health -> health.weight() == 3);
        server.answer("down overloaded");
        HealthEvent down = harness.awaitEvent(Kind.DOWN, server.port());

        assertThat(down.health().weight()).isEqualTo(3);
        assertThat(harness.events.kinds(server.port())).containsExactly(Kind.ADDED, Kind.WEIGHT, Kind.WEIGHT, Kind.DOWN);
    }

    @Test
    void anOutcomeMovesTheWeightFromTheConfiguredOneByAnOffsetAndNeverBelowZero() {
        harness.install(new AnswerCheckerFactory());
        TestServer server = server();
        server.answer("up -2");

        harness.apply(virtualServer("    delay_loop 0.2\n    warmup 0\n", realServer(server,
                "        weight 5\n        ANSWER_CHECK {\n            retry 0\n        }\n")));

        harness.awaitHealth(server.port(), health -> health.weight() == 3 && health.configuredWeight() == 5);
        server.answer("up +10");
        harness.awaitHealth(server.port(), health -> health.weight() == 15);
        server.answer("up -9");
        harness.awaitHealth(server.port(), health -> health.weight() == 0);
    }

    @Test
    void aCheckerThatFailsInsteadOfAnsweringCountsAsAFailedProbe() {
        harness.install(new AnswerCheckerFactory());
        TestServer server = server();
        server.answer("crash");

        harness.apply(virtualServer("    delay_loop 30\n    warmup 0\n", realServer(server, "        ANSWER_CHECK {\n            retry 0\n        }\n")));

        HealthEvent down = harness.awaitEvent(Kind.DOWN, server.port());
        assertThat(down.reason()).isEqualTo("ANSWER_CHECK keepalived.conf:6 failed: the checker failed: "
                + "java.lang.IllegalStateException: the checker broke on purpose");
    }

    @Test
    void aRealServerWithTwoCheckersIsUpOnlyWhileBothAre() {
        harness.install(new TcpCheckerFactory());
        TestServer main = server();
        TestServer admin = server();

        harness.apply(virtualServer("    delay_loop 0.3\n    warmup 0\n", realServer(main,
                "        TCP_CHECK {\n            retry 0\n        }\n"
                        + "        TCP_CHECK {\n            retry 0\n            connect_port " + admin.port() + "\n        }\n")));
        harness.awaitEvent(Kind.ADDED, main.port());
        admin.stop();
        HealthEvent down = harness.awaitEvent(Kind.DOWN, main.port());
        assertThat(down.checker()).map(CheckerState::name).contains("TCP_CHECK keepalived.conf:9");
        assertThat(down.health().checkers()).extracting(CheckerState::up).containsExactly(true, false);

        main.stop();
        harness.awaitHealth(main.port(), health -> health.failing().size() == 2);
        admin.reopen();
        harness.awaitHealth(main.port(), health -> health.failing().size() == 1);
        assertThat(harness.health(main.port()).up()).isFalse();
        main.reopen();
        harness.awaitEvent(Kind.UP, main.port());

        assertThat(harness.events.kinds(main.port())).containsExactly(Kind.ADDED, Kind.DOWN, Kind.UP);
    }

    @Test
    void aCheckerWithoutPluginWaitsAndStartsWhenThePluginArrives() {
        TestServer server = server();
        server.stop();

        harness.apply(virtualServer("    delay_loop 0.3\n    warmup 0\n", realServer(server, "        TCP_CHECK {\n            retry 0\n        }\n")));

        HealthEvent added = harness.awaitEvent(Kind.ADDED, server.port());
        assertThat(added.health().up()).isTrue();
        assertThat(added.health().notRunning()).singleElement()
                .satisfies(checker -> assertThat(checker.detail()).isEqualTo("checker TCP_CHECK not loaded"));
        harness.install(new TcpCheckerFactory());
        HealthEvent down = harness.awaitEvent(Kind.DOWN, server.port());
        assertThat(down.reason()).isEqualTo("TCP_CHECK keepalived.conf:6 failed: connection refused");
        assertThat(down.health().notRunning()).isEmpty();
    }

    @Test
    void aPluginThatLeavesStopsItsChecksAndItsRealServersKeepTheirState() throws InterruptedException {
        CheckerRegistration tcp = harness.install(new TcpCheckerFactory());
        TestServer server = server();
        server.stop();
        harness.apply(virtualServer("    delay_loop 0.2\n    warmup 0\n", realServer(server, "        TCP_CHECK {\n            retry 0\n        }\n")));
        harness.awaitEvent(Kind.DOWN, server.port());

        harness.uninstall(tcp);
        harness.awaitHealth(server.port(), health -> !health.checkers().get(0).running());
        server.reopen();
        Thread.sleep(1000);

        RealServerHealth stopped = harness.health(server.port());
        assertThat(stopped.up()).isFalse();
        assertThat(stopped.checkers().get(0).detail())
                .isEqualTo("checker TCP_CHECK not loaded: org.example.tcp_check 1.0.0 [7] left");
        assertThat(server.connections()).isEmpty();
        assertThat(harness.events.kinds(server.port())).containsExactly(Kind.ADDED, Kind.DOWN);

        harness.install(new TcpCheckerFactory());
        harness.awaitEvent(Kind.UP, server.port());
    }

    @Test
    void reloadKeepsUnchangedCheckersRunningRestartsChangedOnesAndStopsRemovedServers() throws InterruptedException {
        harness.install(new TcpCheckerFactory());
        TestServer failing = server();
        failing.stop();
        TestServer changing = server();
        TestServer added = server();
        String timers = "    delay_loop 0.2\n    warmup 0\n";
        harness.apply(virtualServer(timers,
                realServer(failing, "        TCP_CHECK {\n            retry 0\n        }\n")
                        + realServer(changing, "        TCP_CHECK {\n            retry 0\n        }\n")));
        harness.awaitEvent(Kind.DOWN, failing.port());
        harness.awaitHealth(changing.port(), health -> harness.checkers(changing.port()).get(0).probes() >= 2);
        Instant failingSince = harness.health(failing.port()).checkers().get(0).since();
        long failingProbes = harness.checkers(failing.port()).get(0).probes();
        Instant reload = Instant.now();

        // Two lines more above: the unchanged block moves, and stays the same checker.
        harness.apply("! reloaded\n!\n" + virtualServer(timers,
                realServer(failing, "        TCP_CHECK {\n            retry 0\n        }\n")
                        + realServer(changing, "        TCP_CHECK {\n            retry 0\n            connect_timeout 2\n        }\n")
                        + realServer(added, "        TCP_CHECK {\n        }\n")));
        harness.awaitEvent(Kind.ADDED, added.port());
        harness.awaitHealth(changing.port(), health -> health.checkers().get(0).since().isAfter(reload));

        RealServerHealth kept = harness.health(failing.port());
        assertThat(kept.up()).isFalse();
        assertThat(kept.checkers().get(0).since()).isEqualTo(failingSince);
        assertThat(kept.checkers().get(0).location().line()).isEqualTo(8);
        assertThat(harness.checkers(failing.port()).get(0).probes()).isGreaterThanOrEqualTo(failingProbes);
        assertThat(harness.events.kinds(failing.port())).containsExactly(Kind.ADDED, Kind.DOWN);
        assertThat(harness.events.kinds(changing.port())).containsExactly(Kind.ADDED);
        assertThat(harness.health(changing.port()).up()).isTrue();

        harness.apply(virtualServer(timers, realServer(added, "        TCP_CHECK {\n        }\n")));
        HealthEvent removed = harness.awaitEvent(Kind.REMOVED, failing.port());
        harness.awaitEvent(Kind.REMOVED, changing.port());

        assertThat(removed.reason()).isEqualTo("removed from the configuration");
        assertThat(harness.engine.health(EngineHarness.key(failing.port()))).isEmpty();
        assertThat(harness.engine.snapshot()).extracting(health -> health.key().port()).containsExactly(added.port());
        int seen = changing.connections().size();
        Thread.sleep(800);
        assertThat(changing.connections()).hasSize(seen);
    }

    @Test
    void aChangedCheckerOfADownServerStartsUpAndNeedsOnlyOneFailure() {
        harness.install(new TcpCheckerFactory());
        TestServer server = server();
        server.stop();
        harness.apply(virtualServer("    delay_loop 30\n    warmup 0\n", realServer(server, "        TCP_CHECK {\n            retry 0\n        }\n")));
        harness.awaitEvent(Kind.DOWN, server.port());

        harness.apply(virtualServer("    delay_loop 30\n    warmup 0\n",
                realServer(server, "        TCP_CHECK {\n            retry 5\n            delay_before_retry 1\n        }\n")));

        // As keepalived migrates checkers: the new checker is up until it runs, and its first failure takes it down.
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.events.kinds(server.port()).size() == 4);
        assertThat(harness.events.kinds(server.port())).containsExactly(Kind.ADDED, Kind.DOWN, Kind.UP, Kind.DOWN);
        List<EngineHarness.Recorded> all = harness.events.all();
        HealthEvent up = all.get(all.size() - 2).event();
        HealthEvent down = all.get(all.size() - 1).event();
        assertThat(up.reason()).isEqualTo("configuration reloaded");
        assertThat(down.reason()).isEqualTo("TCP_CHECK keepalived.conf:6 failed after 5 retries: connection refused");
        assertThat(Duration.between(up.health().since(), down.health().since())).isLessThan(Duration.ofMillis(900));
    }

    @Test
    void aListenerThatArrivesLateIsToldEveryRealServerFirstOnItsOwnThread() {
        harness.install(new TcpCheckerFactory());
        TestServer first = server();
        TestServer second = server();
        harness.apply(virtualServer("    delay_loop 30\n", realServer(first, "        TCP_CHECK {\n        }\n")
                + realServer(second, "        TCP_CHECK {\n        }\n")));
        harness.awaitEvent(Kind.ADDED, second.port());
        harness.awaitEvent(Kind.ADDED, first.port());

        EngineHarness.Recorder late = new EngineHarness.Recorder();
        harness.engine.addListener(late);
        second.stop();
        harness.apply(virtualServer("    delay_loop 30\n", realServer(first, "        TCP_CHECK {\n        }\n")));

        await().atMost(Duration.ofSeconds(10)).until(() -> late.all().size() == 3);
        assertThat(late.all()).extracting(recorded -> recorded.event().kind() + " " + recorded.event().key().port())
                .containsExactly("ADDED " + first.port(), "ADDED " + second.port(), "REMOVED " + second.port());
        assertThat(late.threads()).singleElement().asString().startsWith("health-listener-");
        assertThat(late.threads()).doesNotContainAnyElementsOf(harness.events.threads());
    }

    @Test
    void checkersAreMadeOnTheEnginesCheckerLoopsAndTheirLatenessIsCounted() {
        harness.install(new AnswerCheckerFactory());
        TestServer server = server();
        harness.apply(virtualServer("    delay_loop 0.1\n    warmup 0\n", realServer(server, "        ANSWER_CHECK {\n        }\n")));

        await().atMost(Duration.ofSeconds(10)).until(() -> server.connections().size() >= 5);

        assertThat(AnswerCheckerFactory.CHECKER_THREADS).isNotEmpty().allMatch(name -> name.matches("checker-\\d+"));
        var statistics = harness.engine.statistics();
        assertThat(statistics.realServers()).isEqualTo(1);
        assertThat(statistics.checkersRunning()).isEqualTo(1);
        assertThat(statistics.probesStarted()).isGreaterThanOrEqualTo(5);
        // counted, not judged: a loaded machine makes a 0.1 s loop late by more than its period (0.59 s once in CI)
        assertThat(statistics.latenessP99()).isBetween(Duration.ZERO, Duration.ofSeconds(10));
    }

    @Test
    void haSuspendChecksOnlyWhileTheVirtualAddressIsOnThisHostAndKeepsTheStateMeanwhile() throws InterruptedException {
        harness.install(new TcpCheckerFactory());
        TestServer server = server();
        harness.engine.localAddresses(Set.of(EngineHarness.address("127.0.0.1")));

        harness.apply(virtualServer("    ha_suspend\n    delay_loop 0.2\n    warmup 0\n",
                realServer(server, "        TCP_CHECK {\n            retry 0\n        }\n")));
        harness.awaitHealth(server.port(), health -> health.checkers().stream()
                .anyMatch(checker -> !checker.running() && checker.detail().equals("ha_suspend: 192.0.2.1 is not on this host")));
        Thread.sleep(1000);
        assertThat(server.connections()).as("probes while 192.0.2.1 is not on this host").isEmpty();

        harness.engine.localAddresses(Set.of(EngineHarness.address("127.0.0.1"), EngineHarness.address("192.0.2.1")));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.connections().size() >= 3);
        harness.awaitHealth(server.port(), health -> health.checkers().stream().allMatch(CheckerState::running));

        harness.engine.localAddresses(Set.of(EngineHarness.address("127.0.0.1")));
        harness.awaitHealth(server.port(), health -> health.checkers().stream().noneMatch(CheckerState::running));
        server.stop();
        Thread.sleep(1000);
        assertThat(harness.events.kinds(server.port())).as("a suspended real server keeps its state").doesNotContain(Kind.DOWN);
        assertThat(harness.health(server.port()).up()).isTrue();

        harness.engine.localAddresses(Set.of(EngineHarness.address("192.0.2.1")));
        harness.awaitEvent(Kind.DOWN, server.port());
    }

    @Test
    void aReloadThatRemovesHaSuspendResumesTheChecks() {
        harness.install(new TcpCheckerFactory());
        TestServer server = server();
        harness.engine.localAddresses(Set.of());
        String checker = realServer(server, "        TCP_CHECK {\n            retry 0\n        }\n");
        harness.apply(virtualServer("    ha_suspend\n    delay_loop 0.2\n    warmup 0\n", checker));
        harness.awaitHealth(server.port(), health -> health.checkers().stream().noneMatch(CheckerState::running));

        harness.apply(virtualServer("    delay_loop 0.2\n    warmup 0\n", checker));

        await().atMost(Duration.ofSeconds(10)).until(() -> server.connections().size() >= 2);
        harness.awaitHealth(server.port(), health -> health.checkers().stream().allMatch(CheckerState::running));
    }

    private TestServer server() {
        TestServer server = TestServer.open();
        servers.add(server);
        return server;
    }

    /**
     * A virtual server with at least two lines of settings: with two, its first real server is on
     * line 5 and that server's first checker on line 6.
     */
    private static String virtualServer(String settings, String realServers) {
        List<String> lines = settings.lines().collect(Collectors.toList());
        while (lines.size() < 2) {
            lines.add("    !");
        }
        return "virtual_server 192.0.2.1 80 {\n    protocol TCP\n" + String.join("\n", lines) + "\n" + realServers + "}\n";
    }

    private static String realServer(TestServer server, String checkers) {
        return "    real_server 127.0.0.1 " + server.port() + " {\n" + checkers + "    }\n";
    }
}
