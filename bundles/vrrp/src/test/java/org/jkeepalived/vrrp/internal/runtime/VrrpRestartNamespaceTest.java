package org.jkeepalived.vrrp.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.core.api.watchdog.StuckLoop;
import org.jkeepalived.testing.netns.Command;
import org.jkeepalived.vrrp.api.VrrpState;
import org.junit.jupiter.api.Test;

/**
 * The watchdog's restart of a stuck VRRP loop, on two routers in namespaces: a master whose loop
 * stalled for less than the backup's Master_Down_Interval keeps its address without a gap and the
 * backup never takes over; one that stalled longer finds that the backup took over, goes back to
 * BACKUP and drops its address, so that exactly one router holds it.
 */
class VrrpRestartNamespaceTest extends RouterSegmentTest {

    private static final Duration TAKEOVER = Duration.ofSeconds(10);
    private static final String VIP = "192.0.2.100";

    @Test
    void aMasterStalledLessThanMasterDownResumesWithItsAddressAndTheBackupNeverTakesOver() throws Exception {
        // advert_int 2: the backup's Master_Down_Interval is 6.6 s, the stall about 2 s
        first.apply(config(150, 2, false));
        second.apply(config(100, 2, false));
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER && first.has(VIP)
                && second.instance("VI_1").state() == VrrpState.BACKUP);

        CountDownLatch released = block(first, Duration.ofSeconds(30));
        Thread.sleep(2000);
        first.runtime.restart(stuck(first, Duration.ofSeconds(2)));
        assertThat(released.await(5, TimeUnit.SECONDS)).as("the stuck thread was interrupted").isTrue();

        Instant until = Instant.now().plusSeconds(8);
        while (Instant.now().isBefore(until)) {
            assertThat(first.has(VIP)).as("the master keeps its address through the restart").isTrue();
            assertThat(second.has(VIP)).as("the backup never takes the address").isFalse();
            Thread.sleep(200);
        }
        assertThat(first.instance("VI_1").state()).isEqualTo(VrrpState.MASTER);
        assertThat(first.instance("VI_1").advertsSent()).as("the fresh loop sends adverts").isGreaterThan(2);
        assertThat(second.instance("VI_1").state()).isEqualTo(VrrpState.BACKUP);
        assertThat(second.instance("VI_1").becameMaster()).isZero();
    }

    @Test
    void aMasterStalledPastMasterDownGoesBackToBackupAndDropsItsAddressForTheBackupThatTookOver() throws Exception {
        // nopreempt: the first router must not take the address back after it yielded
        first.apply(config(150, 1, true));
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER && first.has(VIP));
        second.apply(config(100, 1, true));
        await().atMost(TAKEOVER).until(() -> second.instance("VI_1").state() == VrrpState.BACKUP);

        block(first, Duration.ofSeconds(30));
        await().atMost(TAKEOVER).until(() -> second.instance("VI_1").state() == VrrpState.MASTER && second.has(VIP));
        first.runtime.restart(stuck(first, Duration.ofSeconds(5)));

        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.BACKUP && !first.has(VIP));
        Instant until = Instant.now().plusSeconds(5);
        while (Instant.now().isBefore(until)) {
            assertThat(second.has(VIP)).as("the router that took over keeps the address").isTrue();
            assertThat(first.has(VIP)).as("exactly one router holds the address").isFalse();
            Thread.sleep(200);
        }
        assertThat(second.instance("VI_1").state()).isEqualTo(VrrpState.MASTER);
        assertThat(first.instance("VI_1").state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void aMasterWithUseVmacKeepsItsVmacAndTheAddressOnIt() throws Exception {
        first.apply(vmac(config(150, 2, false)));
        second.apply(vmac(config(100, 2, false)));
        await().atMost(TAKEOVER.multipliedBy(2)).until(() -> first.instance("VI_1").state() == VrrpState.MASTER && vmacHasVip(first));
        String vmac = first.namespace.execOrFail("ip", "-o", "link", "show", "vrrp.51");
        String index = vmac.substring(0, vmac.indexOf(':'));

        block(first, Duration.ofSeconds(30));
        Thread.sleep(2000);
        first.runtime.restart(stuck(first, Duration.ofSeconds(2)));

        Instant until = Instant.now().plusSeconds(6);
        while (Instant.now().isBefore(until)) {
            assertThat(vmacHasVip(first)).as("the address stays on the VMAC").isTrue();
            Thread.sleep(200);
        }
        assertThat(first.namespace.execOrFail("ip", "-o", "link", "show", "vrrp.51")).as("the same VMAC").startsWith(index + ":");
        assertThat(first.instance("VI_1").state()).isEqualTo(VrrpState.MASTER);
        assertThat(second.instance("VI_1").becameMaster()).isZero();
    }

    /** use_vmac, and the address where keepalived puts it then: on the VMAC. */
    private static String vmac(String config) {
        return config.replace("interface eth0", "interface eth0\n    use_vmac").replace("192.0.2.100/24 dev eth0", "192.0.2.100");
    }

    private static boolean vmacHasVip(RuntimeRouter router) {
        Command.Result shown = router.namespace.exec("ip", "-o", "addr", "show", "dev", "vrrp.51");
        return shown.succeeded() && shown.output().contains(" " + VIP + "/");
    }

    /** Holds the router's VRRP loop, as a handler stuck in a call would; the latch opens when the hold ends. */
    private static CountDownLatch block(RuntimeRouter router, Duration duration) {
        CountDownLatch released = new CountDownLatch(1);
        Executor loop = router.runtime.loops().values().iterator().next();
        loop.execute(() -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                released.countDown();
            }
        });
        return released;
    }

    private static StuckLoop stuck(RuntimeRouter router, Duration stuckFor) {
        return new StuckLoop("vrrp", router.runtime.loops().keySet().iterator().next(), stuckFor, Instant.now());
    }

    private static String config(int priority, int advertInterval, boolean nopreempt) {
        return """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority %d
                    advert_int %d
                    %s
                    virtual_ipaddress {
                        192.0.2.100/24 dev eth0
                    }
                }
                """.formatted(priority, advertInterval, nopreempt ? "nopreempt" : "");
    }
}
