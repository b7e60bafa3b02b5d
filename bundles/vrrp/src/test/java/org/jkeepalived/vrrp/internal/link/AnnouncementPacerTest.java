package org.jkeepalived.vrrp.internal.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** vrrp_garp_interval and vrrp_gna_interval on a virtual clock: one pacer, the instances of one interface. */
class AnnouncementPacerTest {

    private static final long MILLI = 1_000_000L;
    private static final Duration INTERVAL = Duration.ofMillis(100);

    private final VirtualLoop loop = new VirtualLoop();
    private final AnnouncementPacer pacer = new AnnouncementPacer(loop::now, loop.timers());
    private final List<String> sent = new ArrayList<>();
    private final Object first = new Object();
    private final Object second = new Object();

    @Test
    void withoutAnIntervalEveryMessageGoesAtOnce() {
        for (int i = 0; i < 5; i++) {
            send(first, Duration.ZERO, "a" + i);
        }

        assertThat(sent).containsExactly("a0@0", "a1@0", "a2@0", "a3@0", "a4@0");
    }

    @Test
    void messagesOfSeveralInstancesGoOneIntervalApartInTheOrderSent() {
        send(first, INTERVAL, "a0");
        send(first, INTERVAL, "a1");
        send(second, INTERVAL, "b0");
        loop.runUntil(1000 * MILLI);

        assertThat(sent).containsExactly("a0@0", "a1@100", "b0@200");
    }

    @Test
    void aMessageAfterAQuietSpellGoesAtOnceAndTheNextOneWaits() {
        send(first, INTERVAL, "a0");
        loop.runUntil(250 * MILLI);
        send(first, INTERVAL, "a1");
        send(first, INTERVAL, "a2");
        loop.runUntil(1000 * MILLI);

        assertThat(sent).containsExactly("a0@0", "a1@250", "a2@350");
    }

    @Test
    void anInstanceThatLeavesMasterWithdrawsWhatItQueuedAndTheOthersMoveUp() {
        send(first, INTERVAL, "a0");
        send(first, INTERVAL, "a1");
        send(second, INTERVAL, "b0");
        send(first, INTERVAL, "a2");

        pacer.withdraw(first);
        loop.runUntil(1000 * MILLI);

        assertThat(sent).containsExactly("a0@0", "b0@100");
    }

    private void send(Object owner, Duration interval, String name) {
        pacer.send(owner, interval, () -> sent.add(name + "@" + loop.now() / MILLI));
    }
}
