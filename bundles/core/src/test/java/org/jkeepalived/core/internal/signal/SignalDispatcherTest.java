package org.jkeepalived.core.internal.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.core.api.signal.ProcessSignal;
import org.jkeepalived.core.api.signal.SignalHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import sun.misc.Signal;

/** Real signals sent to this JVM with kill(1). */
class SignalDispatcherTest {

    private final SignalDispatcher dispatcher = new SignalDispatcher();
    /** What the handlers saw: the signal and the thread that ran them. */
    private final BlockingQueue<String> handled = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        dispatcher.stop();
    }

    @Test
    void eachSignalRunsItsHandlersInTurnOnItsOwnThread() throws Exception {
        dispatcher.addHandler(recording(ProcessSignal.USR1, "first"));
        dispatcher.addHandler(recording(ProcessSignal.USR1, "second"));
        dispatcher.addHandler(recording(ProcessSignal.JSON, "json"));

        kill("-USR1");
        assertThat(next()).isEqualTo("first on jkeepalived-sigusr1");
        assertThat(next()).isEqualTo("second on jkeepalived-sigusr1");

        kill("-" + (sigrtmin() + 2));
        assertThat(next()).isEqualTo("json on jkeepalived-sigjson");
        assertThat(handled.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aFailingHandlerLeavesTheOthersAndLaterDeliveries() throws Exception {
        dispatcher.addHandler(handler(ProcessSignal.USR1, () -> {
            throw new IllegalStateException("disk full");
        }));
        dispatcher.addHandler(recording(ProcessSignal.USR1, "after"));

        // one at a time: two of the same signal pending at once are one delivery
        kill("-USR1");
        assertThat(next()).startsWith("after");
        kill("-USR1");
        assertThat(next()).startsWith("after");
    }

    @Test
    void theLastHandlerGivesTheSignalBackToItsFormerHandler() throws Exception {
        Signal usr2 = new Signal("USR2");
        sun.misc.SignalHandler before = Signal.handle(usr2, signal -> handled.add("former handler"));
        try {
            SignalHandler handler = recording(ProcessSignal.USR2, "dispatched");
            dispatcher.addHandler(handler);
            kill("-USR2");
            assertThat(next()).startsWith("dispatched");

            dispatcher.removeHandler(handler);
            kill("-USR2");
            assertThat(next()).isEqualTo("former handler");
        } finally {
            Signal.handle(usr2, before);
        }
    }

    /** The number is keepalived's own: what its --signum=JSON prints. */
    @Test
    void sigjsonIsTheNumberKeepalivedUses() throws Exception {
        Assumptions.assumeTrue(new java.io.File("/usr/sbin/keepalived").canExecute(), "keepalived is not installed");
        Process signum = new ProcessBuilder("/usr/sbin/keepalived", "--signum=JSON").redirectErrorStream(true).start();
        String printed = new String(signum.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        signum.waitFor();

        assertThat(JvmSignals.of(ProcessSignal.JSON).getNumber()).isEqualTo(Integer.parseInt(printed));
    }

    private String next() throws InterruptedException {
        String seen = handled.poll(10, TimeUnit.SECONDS);
        assertThat(seen).as("a handler ran").isNotNull();
        return seen;
    }

    private SignalHandler recording(ProcessSignal signal, String name) {
        return handler(signal, () -> handled.add(name + " on " + Thread.currentThread().getName()));
    }

    private static SignalHandler handler(ProcessSignal signal, Runnable action) {
        return new SignalHandler() {
            @Override
            public ProcessSignal signal() {
                return signal;
            }

            @Override
            public void handle() {
                action.run();
            }
        };
    }

    private static int sigrtmin() {
        return org.jkeepalived.core.api.linux.LinuxLibc.__libc_current_sigrtmin();
    }

    private static void kill(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(ProcessHandle.current().pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

}
