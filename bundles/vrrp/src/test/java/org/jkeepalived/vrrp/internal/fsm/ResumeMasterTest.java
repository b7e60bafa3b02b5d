package org.jkeepalived.vrrp.internal.fsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.vrrp.internal.fsm.SimulatedLan.MS;
import static org.jkeepalived.vrrp.internal.fsm.SimulatedLan.SECOND;

import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.fsm.SimulatedLan.Router;
import org.jkeepalived.vrrp.internal.settings.TestSettings;
import org.junit.jupiter.api.Test;

/**
 * A master restarted because its loop got stuck, on a virtual clock: the stuck instance stops as a
 * crash does (nothing leaves it, its addresses stay) and a fresh one resumes in its place.
 */
class ResumeMasterTest {

    private final SimulatedLan lan = new SimulatedLan();

    @Test
    void afterAStallShorterThanMasterDownTheMasterAdvertisesAtOnceAndNoBackupTakesOver() {
        Router stuck = lan.add(TestSettings.v2().priority(200).build(), "192.0.2.1");
        Router backup = lan.add(TestSettings.v2().priority(150).build(), "192.0.2.2");
        stuck.start();
        backup.start();
        lan.runFor(10 * SECOND);
        long lastAdvert = stuck.sentAt.get(stuck.sentAt.size() - 1);
        stuck.crash();
        lan.runFor(2 * SECOND);

        Router resumed = lan.add(TestSettings.v2().priority(200).build(), "192.0.2.1");
        resumed.resumeMaster(lastAdvert);
        lan.runFor(20 * SECOND);

        assertThat(resumed.events.subList(0, 3)).containsExactly("advert 200", "add addresses", "MASTER");
        assertThat(resumed.sentAt.get(0)).isEqualTo(lan.now() - 20 * SECOND);
        assertThat(resumed.events).doesNotContain("remove addresses");
        assertThat(backup.lastEntered(VrrpState.MASTER)).isEqualTo(-1);
        assertThat(backup.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void afterALongerStallItYieldsWithoutAdvertisingToTheBackupThatTookOver() {
        Router stuck = lan.add(TestSettings.v2().priority(200).preempt(false).build(), "192.0.2.1");
        Router backup = lan.add(TestSettings.v2().priority(150).preempt(false).build(), "192.0.2.2");
        stuck.start();
        lan.runFor(5 * SECOND);
        backup.start();
        lan.runFor(5 * SECOND);
        long lastAdvert = stuck.sentAt.get(stuck.sentAt.size() - 1);
        stuck.crash();
        lan.runFor(5 * SECOND);
        long tookOver = backup.lastEntered(VrrpState.MASTER);
        assertThat(tookOver).isPositive();

        Router resumed = lan.add(TestSettings.v2().priority(200).preempt(false).build(), "192.0.2.1");
        resumed.resumeMaster(lastAdvert);
        assertThat(resumed.state()).as("its addresses kept while it listens").isEqualTo(VrrpState.MASTER);
        lan.runFor(20 * SECOND);

        assertThat(resumed.sentPriorities).as("it never advertised over the new master").isEmpty();
        assertThat(resumed.events).containsExactly("MASTER", "remove addresses", "BACKUP");
        assertThat(resumed.addressesAdded).isZero();
        assertThat(backup.state()).isEqualTo(VrrpState.MASTER);
        assertThat(backup.lastEntered(VrrpState.MASTER)).as("no second failover").isEqualTo(tookOver);
    }

    @Test
    void afterALongerStallWithNobodyElseMasterItStaysMasterAfterListeningOneIntervalAndSkew() {
        Router stuck = lan.add(TestSettings.v2().priority(200).build(), "192.0.2.1");
        stuck.start();
        lan.runFor(10 * SECOND);
        long lastAdvert = stuck.sentAt.get(stuck.sentAt.size() - 1);
        stuck.crash();
        lan.runFor(5 * SECOND);
        long resumedAt = lan.now();

        Router resumed = lan.add(TestSettings.v2().priority(200).build(), "192.0.2.1");
        resumed.resumeMaster(lastAdvert);
        lan.runFor(5 * SECOND);

        // one interval of 1 s and the Skew_Time of priority 200, (256 - 200) / 256 s
        assertThat(resumed.sentAt.get(0)).isEqualTo(resumedAt + 1_218_750_000L);
        assertThat(resumed.events).startsWith("MASTER", "advert 200", "add addresses").doesNotContain("remove addresses");
        assertThat(resumed.state()).isEqualTo(VrrpState.MASTER);
        assertThat(resumed.sentAt.get(1) - resumed.sentAt.get(0)).isEqualTo(1000 * MS);
    }
}
