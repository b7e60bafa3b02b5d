package org.jkeepalived.vrrp.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.config.api.model.NotifyFifo;
import org.jkeepalived.config.api.model.Script;
import org.jkeepalived.testing.netns.Command;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.api.VrrpTransition;
import org.jkeepalived.vrrp.api.VrrpTransition.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notify FIFOs as keepalived writes them: its line format, made when missing, never blocking. */
class FifoWriterTest {

    @TempDir
    Path directory;

    @Test
    void linesAreKeepalivedsForInstancesGroupsAndStopping() {
        assertThat(NotifyFifos.line(transition(Scope.INSTANCE, "VI_1", VrrpState.MASTER, 100)))
                .isEqualTo("INSTANCE \"VI_1\" MASTER 100\n");
        assertThat(NotifyFifos.line(transition(Scope.SYNC_GROUP, "G1", VrrpState.BACKUP, 0)))
                .isEqualTo("GROUP \"G1\" BACKUP 0\n");
        assertThat(NotifyFifos.line(transition(Scope.INSTANCE, "VI_1", VrrpState.FAULT, 100)))
                .isEqualTo("INSTANCE \"VI_1\" FAULT 100\n");
        assertThat(NotifyFifos.line(transition(Scope.INSTANCE, "VI_1", VrrpState.INITIALIZE, 100)))
                .isEqualTo("INSTANCE \"VI_1\" STOP 100\n");
    }

    @Test
    void aMissingFifoIsMadeReadAsWrittenAndRemovedAtClose() throws Exception {
        Path path = directory.resolve("notify");
        FifoWriter writer = FifoWriter.open(fifo(path));
        assertThat(Command.run(List.of("test", "-p", path.toString())).succeeded()).as("a FIFO exists").isTrue();

        CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> readLines(path, 2));
        writer.write("INSTANCE \"VI_1\" BACKUP 100\n");
        writer.write("INSTANCE \"VI_1\" MASTER 100\n");

        assertThat(read.get(10, TimeUnit.SECONDS)).containsExactly("INSTANCE \"VI_1\" BACKUP 100", "INSTANCE \"VI_1\" MASTER 100");
        assertThat(writer.dropped()).isZero();
        writer.close();
        assertThat(path).doesNotExist();
    }

    @Test
    void aFullFifoDropsAndCountsLinesWithoutWaitingAndAnExistingFifoIsLeftInPlace() throws Exception {
        Path path = directory.resolve("unread");
        Command.run(List.of("mkfifo", path.toString()));
        try (FifoWriter writer = FifoWriter.open(fifo(path))) {
            Instant start = Instant.now();
            // a pipe holds 64 KiB at most: 3000 lines of 28 bytes do not fit
            for (int i = 0; i < 3000; i++) {
                writer.write("INSTANCE \"VI_1\" MASTER 100\n");
            }
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
            assertThat(writer.dropped()).isBetween(1L, 3000L);
        }
        assertThat(Command.run(List.of("test", "-p", path.toString())).succeeded()).as("the FIFO is still there").isTrue();
    }

    @Test
    void aPathThatIsNotAFifoIsRefusedAndLeftAlone() throws IOException {
        Path file = Files.writeString(directory.resolve("plain"), "data\n");

        assertThatThrownBy(() -> FifoWriter.open(fifo(file))).isInstanceOf(IOException.class)
                .hasMessageContaining(file + " exists and is not a FIFO");
        assertThat(Files.readString(file)).isEqualTo("data\n");
    }

    @Test
    void aScriptEnableScriptSecurityRefusedIsNotStarted() throws Exception {
        Path ran = directory.resolve("ran");
        Path path = directory.resolve("notify");
        Script refused = new Script("touch", List.of("/usr/bin/touch", ran.toString()), Optional.empty(),
                Optional.empty(), Optional.of("/usr/bin/touch is writable by every user"));
        try (FifoWriter writer = FifoWriter.open(withScript(path, refused))) {
            Thread.sleep(500);
        }
        assertThat(ran).as("the refused script did not run").doesNotExist();

        Script runnable = new Script("touch", refused.argv(), Optional.empty(), Optional.empty());
        try (FifoWriter writer = FifoWriter.open(withScript(path, runnable))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(ran));
        }
    }

    private static NotifyFifo withScript(Path path, Script script) {
        return new NotifyFifo(path.toString(), Optional.empty(), Optional.empty(), Optional.of(script));
    }

    private static NotifyFifo fifo(Path path) {
        return new NotifyFifo(path.toString(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static VrrpTransition transition(Scope scope, String name, VrrpState current, int priority) {
        return new VrrpTransition(scope, name, VrrpState.BACKUP, current, priority, Instant.EPOCH);
    }

    private static List<String> readLines(Path path, int count) {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.US_ASCII)) {
            return reader.lines().limit(count).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
