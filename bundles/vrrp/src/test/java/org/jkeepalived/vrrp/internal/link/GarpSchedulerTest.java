package org.jkeepalived.vrrp.internal.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.config.api.model.vrrp.GarpSettings;
import org.junit.jupiter.api.Test;

/** keepalived's garp_* timing on a virtual clock. */
class GarpSchedulerTest {

    private static final long SECOND = 1_000_000_000L;

    private final VirtualLoop loop = new VirtualLoop();
    private final List<Long> rounds = new ArrayList<>();
    private final List<Long> extraRounds = new ArrayList<>();

    @Test
    void aNewMasterAnnouncesAtOnceAndAgainAfterTheMasterDelay() {
        GarpScheduler scheduler = scheduler(GarpSettings.DEFAULT);

        scheduler.becameMaster();
        runUntil(60 * SECOND);

        // garp_master_repeat 5, garp_master_delay 5 s, no refresh
        assertThat(rounds).containsExactly(0L, 0L, 0L, 0L, 0L, 5 * SECOND, 5 * SECOND, 5 * SECOND, 5 * SECOND, 5 * SECOND);
    }

    @Test
    void refreshesRepeatWhileMasterAndStopWhenItLeaves() {
        GarpScheduler scheduler = scheduler(new GarpSettings(Duration.ZERO, 1, Duration.ofSeconds(10), 2,
                Duration.ZERO, 0, Optional.empty()));

        scheduler.becameMaster();
        runUntil(35 * SECOND);
        scheduler.leftMaster();
        runUntil(100 * SECOND);

        assertThat(rounds).containsExactly(0L, 10 * SECOND, 10 * SECOND, 20 * SECOND, 20 * SECOND, 30 * SECOND, 30 * SECOND);
    }

    @Test
    void aLowerPriorityAdvertTriggersItsOwnBursts() {
        GarpScheduler scheduler = scheduler(new GarpSettings(Duration.ZERO, 1, Duration.ZERO, 1,
                Duration.ofSeconds(2), 3, Optional.empty()));
        scheduler.becameMaster();
        loop.setNow(7 * SECOND);

        scheduler.lowerPriorityAdvertReceived();
        runUntil(20 * SECOND);

        assertThat(rounds).containsExactly(0L, 7 * SECOND, 7 * SECOND, 7 * SECOND, 9 * SECOND, 9 * SECOND, 9 * SECOND);
    }

    @Test
    void withoutGarpLowerPrioRepeatALowerPriorityAdvertAnnouncesNothing() {
        GarpScheduler scheduler = scheduler(new GarpSettings(Duration.ZERO, 1, Duration.ZERO, 1,
                Duration.ofSeconds(2), 0, Optional.empty()));

        scheduler.lowerPriorityAdvertReceived();
        runUntil(20 * SECOND);

        assertThat(rounds).isEmpty();
    }

    @Test
    void garpExtraIfRefreshesTheExtraInterfacesEveryIntervalWhileMasterOnly() {
        GarpScheduler scheduler = scheduler(new GarpSettings(Duration.ofSeconds(5), 1, Duration.ZERO, 1,
                Duration.ZERO, 0, Optional.of(new GarpSettings.ExtraInterfaces(Duration.ofSeconds(30), false))));

        scheduler.becameMaster();
        runUntil(100 * SECOND);
        scheduler.leftMaster();
        runUntil(200 * SECOND);

        assertThat(rounds).containsExactly(0L, 5 * SECOND);
        assertThat(extraRounds).containsExactly(30 * SECOND, 60 * SECOND, 90 * SECOND);
    }

    @Test
    void withoutGarpExtraIfTheExtraInterfacesAreNotRefreshed() {
        GarpScheduler scheduler = scheduler(GarpSettings.DEFAULT);

        scheduler.becameMaster();
        runUntil(1000 * SECOND);

        assertThat(extraRounds).isEmpty();
    }

    private GarpScheduler scheduler(GarpSettings settings) {
        return new GarpScheduler(settings, () -> rounds.add(loop.now()), () -> extraRounds.add(loop.now()), loop.timers());
    }

    private void runUntil(long time) {
        loop.runUntil(time);
    }
}
