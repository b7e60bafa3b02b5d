package org.jkeepalived.vrrp.internal.fsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.vrrp.internal.fsm.SimulatedLan.MS;
import static org.jkeepalived.vrrp.internal.fsm.SimulatedLan.SECOND;

import java.time.Duration;

import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.codec.VrrpVersion;
import org.jkeepalived.vrrp.internal.fsm.SimulatedLan.Router;
import org.jkeepalived.vrrp.internal.settings.TestSettings;
import org.junit.jupiter.api.Test;

/** The instance state machine on a virtual clock, alone and with other routers on a simulated LAN. */
class VrrpStateMachineTest {

    private static final long US = 1000;

    private final SimulatedLan lan = new SimulatedLan();

    @Test
    void aLoneBackupBecomesMasterAfterExactlyMasterDownInterval() {
        Router router = lan.add(TestSettings.v2().build(), "192.0.2.1");
        router.start();
        assertThat(router.state()).isEqualTo(VrrpState.BACKUP);

        lan.runUntil(3_609_375 * US - 1);
        assertThat(router.state()).isEqualTo(VrrpState.BACKUP);
        lan.runUntil(3_609_375 * US);

        assertThat(router.state()).isEqualTo(VrrpState.MASTER);
        assertThat(router.events).containsExactly("BACKUP", "advert 100", "add addresses", "MASTER");
    }

    @Test
    void aMasterAdvertisesOnAbsoluteDeadlines() {
        Router router = lan.add(TestSettings.v3().advertIntervalCentiseconds(50).priority(255).startAsMaster(true).build(), "192.0.2.1");
        router.start();

        lan.runUntil(2 * SECOND);
        assertThat(router.sentAt).containsExactly(0L, 500 * MS, 1000 * MS, 1500 * MS, 2000 * MS);

        // a turn of the loop 300 ms late: the next advert keeps the 500 ms grid
        router.deadline = -1;
        router.fsm.timerExpired(2800 * MS);
        assertThat(router.deadline).isEqualTo(3000 * MS);
    }

    @Test
    void theAddressOwnerIsMasterAtOnceAndAnotherStateMasterWaitsOneIntervalAndTheSmallestSkew() {
        Router owner = lan.add(TestSettings.v2().priority(255).startAsMaster(true).virtualRouterId(1).build(), "192.0.2.1");
        Router eager = lan.add(TestSettings.v2().priority(100).startAsMaster(true).virtualRouterId(2).build(), "192.0.2.2");
        owner.start();
        eager.start();

        assertThat(owner.state()).isEqualTo(VrrpState.MASTER);
        assertThat(eager.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(eager.deadline).isEqualTo((1_000_000 + 3_906) * US);
    }

    @Test
    void theHighestPriorityIsElectedAndTheOthersStayBackup() {
        Router low = lan.add(TestSettings.v2().priority(100).build(), "192.0.2.1");
        Router middle = lan.add(TestSettings.v2().priority(150).build(), "192.0.2.2");
        Router high = lan.add(TestSettings.v2().priority(200).build(), "192.0.2.3");
        low.start();
        middle.start();
        high.start();

        lan.runFor(30 * SECOND);

        assertThat(high.state()).isEqualTo(VrrpState.MASTER);
        assertThat(high.lastEntered(VrrpState.MASTER)).isEqualTo(3_218_750 * US);
        assertThat(middle.transitions).extracting(SimulatedLan.Transition::to).containsExactly(VrrpState.BACKUP);
        assertThat(low.transitions).extracting(SimulatedLan.Transition::to).containsExactly(VrrpState.BACKUP);
        assertThat(low.addressesAdded + middle.addressesAdded).isZero();
    }

    @Test
    void theBestBackupTakesOverExactlyMasterDownIntervalAfterTheLastAdvert() {
        Router master = lan.add(TestSettings.v2().priority(200).build(), "192.0.2.1");
        Router backup = lan.add(TestSettings.v2().priority(150).build(), "192.0.2.2");
        Router other = lan.add(TestSettings.v2().priority(100).build(), "192.0.2.3");
        master.start();
        backup.start();
        other.start();
        lan.runFor(10 * SECOND);
        long lastAdvert = master.sentAt.get(master.sentAt.size() - 1);

        master.crash();
        lan.runFor(10 * SECOND);

        assertThat(backup.lastEntered(VrrpState.MASTER)).isEqualTo(lastAdvert + 3_414_062 * US);
        assertThat(other.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void aPriorityZeroAdvertHandsOverAfterSkewTime() {
        Router master = lan.add(TestSettings.v2().priority(200).build(), "192.0.2.1");
        Router backup = lan.add(TestSettings.v2().priority(150).build(), "192.0.2.2");
        Router other = lan.add(TestSettings.v2().priority(100).build(), "192.0.2.3");
        master.start();
        backup.start();
        other.start();
        lan.runFor(10 * SECOND + 300 * MS);
        long stop = lan.now();

        master.shutdown();
        lan.runFor(5 * SECOND);

        assertThat(master.sentPriorities).last().isEqualTo(0);
        assertThat(master.events).endsWith("advert 0", "remove addresses", "INITIALIZE");
        assertThat(backup.lastEntered(VrrpState.MASTER)).isEqualTo(stop + 414_062 * US);
        assertThat(other.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void aMasterWhoseAddressIsDeletedStepsDownAndTakesOverAgainBeforeTheBackup() {
        Router master = lan.add(TestSettings.v2().priority(200).build(), "192.0.2.1");
        Router backup = lan.add(TestSettings.v2().priority(150).build(), "192.0.2.2");
        master.start();
        backup.start();
        lan.runFor(10 * SECOND + 300 * MS);
        long deleted = lan.now();

        master.addressDeleted();
        lan.runFor(5 * SECOND);

        // a priority 0 advert; back after its own Skew_Time (200: 218,750 us), before the backup's (150: 414,062 us)
        assertThat(master.events).containsSubsequence("advert 0", "remove addresses", "BACKUP", "advert 200", "add addresses",
                "MASTER");
        assertThat(master.lastEntered(VrrpState.MASTER)).isEqualTo(deleted + 218_750 * US);
        assertThat(backup.lastEntered(VrrpState.MASTER)).isEqualTo(-1);
    }

    @Test
    void onlyAMasterStepsDownForADeletedAddress() {
        Router backup = lan.add(TestSettings.v2().build(), "192.0.2.2");
        backup.start();
        lan.runFor(1 * SECOND);

        backup.addressDeleted();

        assertThat(backup.events).containsExactly("BACKUP");
    }

    @Test
    void aHigherPriorityRouterPreemptsAndTheOldMasterStepsDownWithoutAPriorityZeroAdvert() {
        Router old = lan.add(TestSettings.v2().priority(100).build(), "192.0.2.1");
        Router better = lan.add(TestSettings.v2().priority(200).build(), "192.0.2.2");
        old.start();
        lan.runFor(10 * SECOND);
        assertThat(old.state()).isEqualTo(VrrpState.MASTER);
        long joined = lan.now();

        better.start();
        lan.runFor(10 * SECOND);

        // the newcomer discards the lower priority adverts and its down timer runs out
        assertThat(better.lastEntered(VrrpState.MASTER)).isEqualTo(joined + 3_218_750 * US);
        assertThat(old.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(old.lastEntered(VrrpState.BACKUP)).isEqualTo(joined + 3_218_750 * US);
        assertThat(old.sentPriorities).doesNotContain(0);
        assertThat(old.addressesRemoved).isEqualTo(1);
    }

    @Test
    void theAdvertAMasterStepsDownForCountsAsHeardFromAMaster() {
        Router old = lan.add(TestSettings.v2().priority(100).build(), "192.0.2.1");
        Router better = lan.add(TestSettings.v2().priority(200).build(), "192.0.2.2");
        old.start();
        lan.runFor(10 * SECOND);
        long joined = lan.now();

        better.start();
        lan.runUntil(joined + 3_218_750 * US);

        // the other members of a sync group defer to the master it heard
        assertThat(old.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(old.fsm.hearsMaster(lan.now())).isTrue();
    }

    @Test
    void noPreemptLeavesALowerPriorityMasterInPlace() {
        Router old = lan.add(TestSettings.v2().priority(100).build(), "192.0.2.1");
        Router better = lan.add(TestSettings.v2().priority(200).preempt(false).build(), "192.0.2.2");
        old.start();
        lan.runFor(10 * SECOND);

        better.start();
        lan.runFor(60 * SECOND);

        assertThat(old.state()).isEqualTo(VrrpState.MASTER);
        assertThat(better.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void preemptDelayHoldsThePreemptionBack() {
        Router old = lan.add(TestSettings.v2().priority(100).build(), "192.0.2.1");
        Router better = lan.add(TestSettings.v2().priority(200).preemptDelay(Duration.ofMillis(5500)).build(), "192.0.2.2");
        old.start();
        lan.runFor(10 * SECOND);
        long joined = lan.now();
        long oldPhase = old.sentAt.get(old.sentAt.size() - 1) % SECOND;

        better.start();
        lan.runFor(30 * SECOND);

        // adverts are accepted until the delay ends; the last accepted one starts the final down timer
        long delayEnd = joined + 5500 * MS;
        long lastAccepted = old.sentAt.stream().filter(t -> t < delayEnd).reduce((a, b) -> b).orElseThrow();
        assertThat(lastAccepted % SECOND).isEqualTo(oldPhase);
        assertThat(better.lastEntered(VrrpState.MASTER)).isEqualTo(lastAccepted + 3_218_750 * US);
        assertThat(old.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void theFirstToTimeOutIsHeardByTheOthersBeforeTheyDo() {
        Router first = lan.add(TestSettings.v2().build(), "192.0.2.1");
        Router second = lan.add(TestSettings.v2().build(), "192.0.2.200");
        first.start();
        lan.runFor(100 * MS);
        second.start();

        lan.runFor(20 * SECOND);

        assertThat(first.state()).isEqualTo(VrrpState.MASTER);
        assertThat(second.transitions).extracting(SimulatedLan.Transition::to).containsExactly(VrrpState.BACKUP);
    }

    @Test
    void twoMastersOfEqualPriorityLeaveTheHigherAddressMaster() {
        Router lowAddress = lan.add(TestSettings.v2().build(), "192.0.2.10");
        Router highAddress = lan.add(TestSettings.v2().build(), "192.0.2.9");
        Router highest = lan.add(TestSettings.v2().build(), "192.0.2.200");
        for (Router router : java.util.List.of(lowAddress, highAddress, highest)) {
            router.partition(true);
            router.start();
        }
        lan.runFor(5 * SECOND);
        assertThat(java.util.List.of(lowAddress, highAddress, highest)).allMatch(r -> r.state() == VrrpState.MASTER);

        for (Router router : java.util.List.of(lowAddress, highAddress, highest)) {
            router.partition(false);
        }
        lan.runFor(20 * SECOND);

        // unsigned comparison of the address bytes: 192.0.2.200 > 192.0.2.10 > 192.0.2.9
        assertThat(highest.state()).isEqualTo(VrrpState.MASTER);
        assertThat(lowAddress.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(highAddress.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(highest.transitions).extracting(SimulatedLan.Transition::to)
                .containsExactly(VrrpState.BACKUP, VrrpState.MASTER);
    }

    @Test
    void aV3BackupAdoptsTheMastersIntervalForItsDownTimer() {
        Router master = lan.add(TestSettings.v3().priority(200).advertIntervalCentiseconds(50).build(), "192.0.2.1");
        Router backup = lan.add(TestSettings.v3().priority(100).advertIntervalCentiseconds(100).build(), "192.0.2.2");
        master.start();
        backup.start();
        lan.runFor(10 * SECOND);
        assertThat(backup.fsm.masterAdverIntervalMicros()).isEqualTo(500_000);
        long lastAdvert = master.sentAt.get(master.sentAt.size() - 1);

        master.crash();
        lan.runFor(10 * SECOND);

        assertThat(backup.lastEntered(VrrpState.MASTER)).isEqualTo(lastAdvert + 1_804_687 * US);
        // as master it advertises at its own interval again
        assertThat(backup.fsm.masterAdverIntervalMicros()).isEqualTo(1_000_000);
        assertThat(backup.sentAt.get(1) - backup.sentAt.get(0)).isEqualTo(SECOND);
    }

    @Test
    void aMasterAnswersALowerPriorityAdvertAtOnceUnlessLowerPrioNoAdvert() {
        Router master = lan.add(TestSettings.v2().priority(200).priority(255).startAsMaster(true).build(), "192.0.2.1");
        master.start();
        master.fsm.advertReceived(lan.now() + 100 * MS, TestSettings.v2().build().advertisement(), TestSettings.address("192.0.2.2"));

        assertThat(master.events).endsWith("advert 255", "lower priority 100 from 192.0.2.2");
        assertThat(master.state()).isEqualTo(VrrpState.MASTER);

        Router quiet = lan.add(TestSettings.v2().priority(255).startAsMaster(true).lowerPriorityNoAdvert(true).build(), "192.0.2.3");
        quiet.start();
        quiet.fsm.advertReceived(lan.now() + 100 * MS, TestSettings.v2().build().advertisement(), TestSettings.address("192.0.2.2"));
        assertThat(quiet.sentPriorities).containsExactly(255);
    }

    @Test
    void aMasterAssertsItselfAtOnceWhenAnotherMasterStops() {
        Router master = lan.add(TestSettings.v2().priority(255).startAsMaster(true).build(), "192.0.2.1");
        master.start();

        master.fsm.advertReceived(100 * MS, TestSettings.v2().build().advertisement().withPriority(0), TestSettings.address("192.0.2.2"));

        assertThat(master.sentPriorities).containsExactly(255, 255);
        assertThat(master.state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void higherPrioSendAdvertAnswersBeforeSteppingDown() {
        Router master = lan.add(TestSettings.v2().priority(100).startAsMaster(true).higherPrioritySendAdvert(true).build(), "192.0.2.1");
        master.start();
        lan.runFor(5 * SECOND);
        int sent = master.sentAt.size();

        master.fsm.advertReceived(lan.now(), TestSettings.v2().priority(200).build().advertisement(), TestSettings.address("192.0.2.2"));

        assertThat(master.sentPriorities.subList(sent, master.sentPriorities.size())).containsExactly(100);
        assertThat(master.events).endsWith("advert 100", "remove addresses", "BACKUP");
    }

    @Test
    void twoAddressOwnersLeaveTheHigherAddressMaster() {
        Router first = lan.add(TestSettings.v2().priority(255).startAsMaster(true).build(), "192.0.2.1");
        Router second = lan.add(TestSettings.v2().priority(255).startAsMaster(true).build(), "192.0.2.2");
        first.start();
        second.start();

        lan.runFor(10 * SECOND);

        assertThat(second.state()).isEqualTo(VrrpState.MASTER);
        assertThat(first.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(first.fsm.priority()).isEqualTo(254);
    }

    @Test
    void faultReleasesTheMasterWithAPriorityZeroAdvertAndRecoveryStartsAsBackup() {
        Router master = lan.add(TestSettings.v2().priority(200).build(), "192.0.2.1");
        Router backup = lan.add(TestSettings.v2().priority(100).build(), "192.0.2.2");
        master.start();
        backup.start();
        lan.runFor(10 * SECOND);
        long faultAt = lan.now();

        master.setFault(true);
        lan.runFor(10 * SECOND);

        assertThat(master.events).endsWith("advert 0", "remove addresses", "FAULT");
        assertThat(master.deadline).isEqualTo(-1);
        assertThat(backup.lastEntered(VrrpState.MASTER)).isEqualTo(faultAt + 609_375 * US);
        int sentInFault = master.sentAt.size();

        long recovered = lan.now();
        master.setFault(false);
        assertThat(master.state()).isEqualTo(VrrpState.BACKUP);
        lan.runFor(10 * SECOND);

        // back as backup, it preempts the lower priority master after its down timer
        assertThat(master.lastEntered(VrrpState.MASTER)).isEqualTo(recovered + 3_218_750 * US);
        assertThat(master.sentAt.get(sentInFault)).isEqualTo(recovered + 3_218_750 * US);
        assertThat(backup.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void aFaultyBackupIgnoresAdvertsAndNeverTakesOver() {
        Router master = lan.add(TestSettings.v2().priority(200).build(), "192.0.2.1");
        Router backup = lan.add(TestSettings.v2().priority(100).build(), "192.0.2.2");
        master.start();
        backup.start();
        lan.runFor(5 * SECOND);

        backup.setFault(true);
        master.crash();
        lan.runFor(30 * SECOND);

        assertThat(backup.state()).isEqualTo(VrrpState.FAULT);
        assertThat(backup.addressesAdded).isZero();
    }

    @Test
    void anInstanceFaultyBeforeItStartsStartsInFault() {
        Router router = lan.add(TestSettings.v2().priority(255).startAsMaster(true).build(), "192.0.2.1");
        router.fsm.setFault(0, true);
        router.start();

        assertThat(router.state()).isEqualTo(VrrpState.FAULT);
        router.setFault(false);
        assertThat(router.state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void vrrpV2AndV3ComputeTheSameDownIntervalAtOneSecond() {
        Router v2 = lan.add(TestSettings.v2().build(), "192.0.2.1");
        Router v3 = lan.add(TestSettings.v3().version(VrrpVersion.V3).virtualRouterId(52).build(), "192.0.2.2");

        assertThat(v2.fsm.masterDownIntervalMicros()).isEqualTo(v3.fsm.masterDownIntervalMicros()).isEqualTo(3_609_375);
    }
}
