package org.jkeepalived.config.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jkeepalived.config.api.ConfigListener;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.config.api.Configs;
import org.jkeepalived.config.api.model.vrrp.VrrpInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A valid file is applied and told to listeners, with the one it replaces; a file with errors changes nothing. */
class RunningConfigTest {

    private static final String INSTANCE = """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                priority %d
                virtual_ipaddress {
                    192.0.2.1
                }
            }
            """;

    @TempDir
    Path directory;

    private RunningConfig running;
    private final List<ConfigUpdate> updates = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final ConfigListener listener = update -> {
        updates.add(update);
        threads.add(Thread.currentThread().getName());
    };

    @AfterEach
    void close() {
        if (running != null) {
            running.close();
        }
    }

    private Path write(String text) throws IOException {
        return Files.writeString(directory.resolve("keepalived.conf"), text);
    }

    @Test
    void theFileIsReadAtStartAndListenersHearOfIt() throws IOException {
        running = new RunningConfig(Configs.reader(), write(INSTANCE.formatted(100)), false);
        running.addListener(listener);
        running.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> updates.size() == 1);
        assertThat(updates.get(0).previous()).isEmpty();
        assertThat(updates.get(0).generation()).isEqualTo(1);
        assertThat(updates.get(0).current().vrrpInstance("VI_1").map(VrrpInstance::priority)).contains(100);
        assertThat(threads).containsOnly(RunningConfig.THREAD_NAME);
        assertThat(running.current().orElseThrow().config()).contains(updates.get(0).current());
    }

    @Test
    void aReloadWithErrorsKeepsThePreviousConfigurationAndAValidOneReplacesIt() throws IOException {
        Path file = write(INSTANCE.formatted(100));
        running = new RunningConfig(Configs.reader(), file, false);
        running.addListener(listener);
        assertThat(running.generation()).isZero();
        ConfigResult first = running.reload();

        write(INSTANCE.formatted(300));
        ConfigResult broken = running.reload();

        assertThat(broken.hasErrors()).isTrue();
        assertThat(running.current()).contains(first);
        assertThat(running.generation()).isEqualTo(1);
        assertThat(updates).hasSize(1);

        write(INSTANCE.formatted(150));
        running.reload();

        assertThat(updates).hasSize(2);
        ConfigUpdate second = updates.get(1);
        assertThat(second.generation()).isEqualTo(2);
        assertThat(running.generation()).isEqualTo(2);
        assertThat(second.previous()).isEqualTo(first.config());
        assertThat(second.current().vrrpInstance("VI_1").map(VrrpInstance::priority)).contains(150);
    }

    @Test
    void aListenerThatComesLaterIsToldOfTheRunningConfigurationOnly() throws IOException {
        running = new RunningConfig(Configs.reader(), write(INSTANCE.formatted(100)), false);
        running.reload();
        running.reload();

        running.addListener(listener);

        await().atMost(Duration.ofSeconds(10)).until(() -> updates.size() == 1);
        assertThat(updates.get(0).previous()).isEmpty();
        assertThat(updates.get(0).generation()).isEqualTo(2);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() throws IOException {
        running = new RunningConfig(Configs.reader(), write(INSTANCE.formatted(100)), false);
        running.addListener(update -> {
            throw new IllegalStateException("listener bug");
        });
        running.addListener(listener);

        running.reload();

        assertThat(updates).hasSize(1);
    }

    @Test
    void aMissingFileRunsNothing() {
        running = new RunningConfig(Configs.reader(), directory.resolve("missing.conf"), false);
        running.addListener(listener);

        ConfigResult result = running.reload();

        assertThat(result.readable()).isFalse();
        assertThat(running.current()).isEmpty();
        assertThat(updates).isEmpty();
    }
}
