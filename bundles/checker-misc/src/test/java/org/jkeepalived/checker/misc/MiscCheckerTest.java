package org.jkeepalived.checker.misc;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.testkit.BoundChecker;
import org.jkeepalived.checker.testkit.CheckerTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MISC_CHECK running real shell scripts that the test writes. */
class MiscCheckerTest {

    private static CheckerTestKit kit;

    @TempDir
    Path directory;

    @BeforeAll
    static void start() {
        kit = CheckerTestKit.of(new MiscCheckerFactory());
    }

    @AfterAll
    static void stop() {
        kit.close();
    }

    /** Writes an executable shell script that everyone may read and run. */
    private Path script(String name, String body) throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path script = directory.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static CheckOutcome probe(String block) {
        return kit.bind(block).probe();
    }

    @Test
    void statusZeroIsUpAndAnyOtherIsDown() throws IOException {
        Path up = script("up.sh", "exit 0");
        Path down = script("down.sh", "exit 1");
        Path ten = script("ten.sh", "exit 10");

        assertThat(probe("MISC_CHECK {\n misc_path " + up + "\n}")).isEqualTo(CheckOutcome.up("exited with status 0"));
        assertThat(probe("MISC_CHECK {\n misc_path " + down + "\n}")).isEqualTo(CheckOutcome.down("exited with status 1"));
        assertThat(probe("MISC_CHECK {\n misc_path " + ten + "\n}")).isEqualTo(CheckOutcome.down("exited with status 10"));
    }

    @Test
    void withMiscDynamicAStatusFromTwoSetsTheWeightToTwoLess() throws IOException {
        for (int status : List.of(2, 10, 255)) {
            Path script = script("status" + status + ".sh", "exit " + status);

            assertThat(probe("MISC_CHECK {\n misc_path " + script + "\n misc_dynamic\n}"))
                    .isEqualTo(CheckOutcome.up("exited with status " + status).withWeight(status - 2));
        }
        assertThat(probe("MISC_CHECK {\n misc_path " + script("zero.sh", "exit 0") + "\n misc_dynamic\n}").weight()).isEmpty();
        assertThat(probe("MISC_CHECK {\n misc_path " + script("one.sh", "exit 1") + "\n misc_dynamic\n}"))
                .isEqualTo(CheckOutcome.down("exited with status 1"));
    }

    @Test
    void aQuotedMiscPathIsTheProgramAndItsArgumentsWithoutAShell() throws IOException {
        Path arguments = directory.resolve("arguments");
        Path script = script("args.sh", "for a in \"$@\"; do echo \"[$a]\"; done > " + arguments);

        assertThat(probe("MISC_CHECK {\n misc_path \"" + script + " 'two words' three $HOME\"\n}").isUp()).isTrue();

        assertThat(Files.readAllLines(arguments)).containsExactly("[two words]", "[three]", "[$HOME]");
    }

    @Test
    void aProgramThatOutlivesMiscTimeoutIsEndedWithWhatItStarted() throws Exception {
        Path pids = directory.resolve("pids");
        Path script = script("hang.sh", "sleep 300 &\necho $$ $! > " + pids + "\nwait");
        long start = System.nanoTime();

        CheckOutcome outcome = probe("MISC_CHECK {\n misc_path " + script + "\n misc_timeout 1\n}");

        assertThat(outcome).isEqualTo(CheckOutcome.down("timed out after 1 s"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(10));
        List<Long> started = List.of(Files.readString(pids).trim().split(" ")).stream().map(Long::valueOf).toList();
        await().atMost(10, SECONDS).untilAsserted(() ->
                assertThat(started).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty()));
    }

    @Test
    void aProgramThatIgnoresSigtermIsKilledAfterTheGrace() throws Exception {
        Path pid = directory.resolve("pid");
        Path script = script("stubborn.sh", "trap '' TERM\necho $$ > " + pid + "\nwhile :; do sleep 1; done");

        assertThat(probe("MISC_CHECK {\n misc_path " + script + "\n misc_timeout 0.5\n}").isUp()).isFalse();

        long stubborn = Long.parseLong(Files.readString(pid).trim());
        assertThat(ProcessHandle.of(stubborn)).as("still there during the grace").isPresent();
        await().atMost(10, SECONDS).until(() -> ProcessHandle.of(stubborn).isEmpty());
    }

    @Test
    void withoutMiscTimeoutTheDelayLoopBoundsTheProgram() throws IOException {
        BoundChecker bound = kit.bind("MISC_CHECK {\n misc_path " + script("slow.sh", "sleep 30") + "\n delay_loop 1.5\n}");

        assertThat(bound.definition().probeTimeout(bound.target())).isEqualTo(Duration.ofMillis(1500));
        assertThat(bound.probe()).isEqualTo(CheckOutcome.down("timed out after 1500 ms"));
    }

    @Test
    void theProgramRunsAsTheUserAndGroupGiven() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "running as another user needs root");
        Path ids = directory.resolve("ids");
        Path script = script("id.sh", "echo $(id -u) $(id -g) > " + ids);

        assertThat(probe("MISC_CHECK {\n misc_path " + script + "\n user nobody\n}").isUp()).isTrue();
        assertThat(Files.readString(ids).trim()).isEqualTo("65534 65534");
        assertThat(probe("MISC_CHECK {\n misc_path " + script + "\n user nobody root\n}").isUp()).isTrue();
        assertThat(Files.readString(ids).trim()).isEqualTo("65534 0");
        assertThat(probe("MISC_CHECK {\n misc_path " + script + "\n}").isUp()).isTrue();
        assertThat(Files.readString(ids).trim()).as("without user, jkeepalived's own").isEqualTo("0 0");
    }

    @Test
    void aMissingUserGroupOrProgramIsDownSayingWhich() throws IOException {
        Path script = script("ok.sh", "exit 0");
        Path notExecutable = directory.resolve("plain.sh");
        Files.writeString(notExecutable, "exit 0\n");

        assertThat(probe("MISC_CHECK {\n misc_path " + script + "\n user no-such-user\n}"))
                .isEqualTo(CheckOutcome.down("user no-such-user does not exist"));
        assertThat(probe("MISC_CHECK {\n misc_path " + script + "\n user nobody no-such-group\n}"))
                .isEqualTo(CheckOutcome.down("group no-such-group does not exist"));
        assertThat(probe("MISC_CHECK {\n misc_path " + directory.resolve("missing.sh") + "\n}"))
                .isEqualTo(CheckOutcome.down(directory.resolve("missing.sh") + " does not exist"));
        assertThat(probe("MISC_CHECK {\n misc_path " + notExecutable + "\n}"))
                .isEqualTo(CheckOutcome.down(notExecutable + " is not executable"));
        assertThat(probe("MISC_CHECK {\n misc_path no-such-program-on-the-path\n}"))
                .isEqualTo(CheckOutcome.down("exited with status 127"));
    }

    @Test
    void closingTheCheckerEndsTheProgramItRuns() throws Exception {
        Path pid = directory.resolve("pid");
        BoundChecker bound = kit.bind("MISC_CHECK {\n misc_path \"" + script("long.sh", "echo $$ > " + pid + "\nsleep 300") + "\"\n}");
        var checker = bound.newChecker();
        var probe = kit.loop().submit(checker::check).get();
        await().atMost(10, SECONDS).until(() -> Files.exists(pid) && !Files.readString(pid).isBlank());
        long running = Long.parseLong(Files.readString(pid).trim());

        kit.loop().submit(checker::close).get();

        await().atMost(10, SECONDS).until(() -> ProcessHandle.of(running).isEmpty());
        assertThat(probe.get(10, SECONDS).isUp()).isFalse();
    }
}
