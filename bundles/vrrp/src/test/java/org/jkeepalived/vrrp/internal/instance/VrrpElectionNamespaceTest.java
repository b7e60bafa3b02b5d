package org.jkeepalived.vrrp.internal.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jkeepalived.core.internal.loop.EventLoopsComponent;
import org.jkeepalived.vrrp.api.DropReason;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.settings.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Instances in separate network namespaces on one bridge, speaking VRRP over real raw sockets:
 * election, failover when the master's loop stops, hand-over on a priority 0 advert, unicast peers.
 */
class VrrpElectionNamespaceTest {

    private static final Logger LOG = LoggerFactory.getLogger(VrrpElectionNamespaceTest.class);
    private static final EventLoopsComponent LOOPS = new EventLoopsComponent();
    private static final Duration ELECTION = Duration.ofSeconds(10);

    /** The three ways adverts travel. */
    enum Mode {
        V2_IPV4(TestSettings::v2),
        V3_IPV4(TestSettings::v3),
        V3_IPV6(TestSettings::v3Ipv6);

        final java.util.function.Supplier<TestSettings> settings;

        Mode(java.util.function.Supplier<TestSettings> settings) {
            this.settings = settings;
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theHighestPriorityIsElectedAndTheBestBackupTakesOverWhenTheMasterStops(Mode mode) {
        try (Lab lab = Lab.of(3, LOOPS)) {
            VirtualRouter low = lab.host(0).start(mode.settings.get().priority(100).build());
            VirtualRouter best = lab.host(1).start(mode.settings.get().priority(150).build());
            VirtualRouter master = lab.host(2).start(mode.settings.get().priority(200).build());

            await().atMost(ELECTION).until(() -> master.state() == VrrpState.MASTER);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .until(() -> low.state() == VrrpState.BACKUP && best.state() == VrrpState.BACKUP
                            && master.state() == VrrpState.MASTER);
            assertThat(lab.host(1).transitions()).extracting(VrrpHost.Transition::to).containsExactly(VrrpState.BACKUP);
            assertThat(best.statistics().advertsReceived()).isPositive();

            long stopped = System.nanoTime();
            lab.host(2).crash();
            await().atMost(ELECTION).until(() -> best.state() == VrrpState.MASTER);

            // Master_Down_Interval of priority 150 is 3.414 s after the last advert, sent up to 1 s before the stop
            long takeover = lab.host(1).lastEntered("VI_1", VrrpState.MASTER) - stopped;
            LOG.info("{}: master stopped, backup master after {} ms", mode, takeover / 1_000_000);
            assertThat(takeover).isBetween(2_300_000_000L, 4_500_000_000L);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> low.state() == VrrpState.BACKUP);
            assertThat(lab.host(1).addressEvents()).containsExactly("add VI_1");
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aStoppingMasterHandsOverWithAPriorityZeroAdvert(Mode mode) {
        try (Lab lab = Lab.of(2, LOOPS)) {
            VirtualRouter backup = lab.host(0).start(mode.settings.get().priority(150).build());
            VirtualRouter master = lab.host(1).start(mode.settings.get().priority(200).build());
            await().atMost(ELECTION).until(() -> master.state() == VrrpState.MASTER && backup.state() == VrrpState.BACKUP);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> backup.state() == VrrpState.BACKUP);

            long stopped = System.nanoTime();
            master.shutdown();
            await().atMost(ELECTION).until(() -> backup.state() == VrrpState.MASTER);

            // Skew_Time of priority 150 is 0.414 s, far below its Master_Down_Interval of 3.414 s
            long takeover = lab.host(0).lastEntered("VI_1", VrrpState.MASTER) - stopped;
            LOG.info("{}: priority 0 advert, backup master after {} ms", mode, takeover / 1_000_000);
            assertThat(takeover).isBetween(350_000_000L, 1_500_000_000L);
            assertThat(backup.statistics().priorityZeroReceived()).isEqualTo(1);
            assertThat(master.statistics().priorityZeroSent()).isEqualTo(1);
            assertThat(lab.host(1).addressEvents()).containsExactly("add VI_1", "remove VI_1");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"V3_IPV4", "V3_IPV6"})
    void unicastPeersElectAndFailOver(Mode mode) throws Exception {
        try (Lab lab = Lab.of(2, LOOPS)) {
            List<java.net.InetAddress> sources = List.of(source(lab, 0, mode), source(lab, 1, mode));
            UnaryOperator<TestSettings> peerOf0 = s -> s.sourceAddress(sources.get(0)).unicastPeer(sources.get(1)).checkUnicastSource(true);
            UnaryOperator<TestSettings> peerOf1 = s -> s.sourceAddress(sources.get(1)).unicastPeer(sources.get(0)).checkUnicastSource(true);
            VirtualRouter backup = lab.host(0).start(peerOf0.apply(mode.settings.get().priority(100)).build());
            VirtualRouter master = lab.host(1).start(peerOf1.apply(mode.settings.get().priority(200)).build());

            await().atMost(ELECTION).until(() -> master.state() == VrrpState.MASTER);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> backup.state() == VrrpState.BACKUP);
            assertThat(backup.statistics().advertsReceived()).isPositive();
            assertThat(backup.channel().key().unicast()).isTrue();

            lab.host(1).crash();
            await().atMost(ELECTION).until(() -> backup.state() == VrrpState.MASTER);
        }
    }

    @Test
    void aFailingAddressChangeDoesNotStopTheProtocol() {
        try (Lab lab = Lab.of(2, LOOPS)) {
            lab.host(1).failAddressChanges();
            VirtualRouter backup = lab.host(0).start(TestSettings.v2().priority(100).build());
            VirtualRouter master = lab.host(1).start(TestSettings.v2().priority(200).build());

            await().atMost(ELECTION).until(() -> master.state() == VrrpState.MASTER);
            // the master goes on advertising: the backup never times out
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> backup.state() == VrrpState.BACKUP);
            assertThat(lab.host(1).addressEvents()).containsExactly("add VI_1");
        }
    }

    @Test
    void advertsWithAWrongPasswordOrAnUnknownVridAreCountedAndIgnored() {
        try (Lab lab = Lab.of(3, LOOPS)) {
            VirtualRouter ours = lab.host(0).start(TestSettings.v2().password("secret").priority(100).build());
            VirtualRouter wrongPassword = lab.host(1).start(TestSettings.v2().password("guess").priority(200).build());
            lab.host(2).start(TestSettings.v2().virtualRouterId(52).priority(200).build());

            await().atMost(ELECTION).until(() -> ours.state() == VrrpState.MASTER);
            await().atMost(ELECTION).until(() -> ours.statistics().drops(DropReason.AUTH_FAILURE) >= 2
                    && lab.host(0).onLoop(() -> ours.channel().drops(DropReason.UNKNOWN_VRID)) >= 2);
            assertThat(wrongPassword.state()).isEqualTo(VrrpState.MASTER);
            assertThat(ours.statistics().advertsReceived()).isZero();
        }
    }

    private static java.net.InetAddress source(Lab lab, int host, Mode mode) throws Exception {
        return lab.host(host).onLoop(() -> {
            var link = org.jkeepalived.vrrp.internal.net.InterfaceInfo.lookup("eth0");
            return mode == Mode.V3_IPV6 ? link.linkLocalIpv6().orElseThrow() : link.primaryIpv4().orElseThrow();
        });
    }
}
