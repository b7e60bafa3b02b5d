package org.jkeepalived.core.internal.loop;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jkeepalived.core.api.loop.EventLoop;
import org.junit.jupiter.api.Test;

class EventLoopsComponentTest {

    @Test
    void loopsAreKnownByNameUntilClosed() {
        EventLoopsComponent loops = new EventLoopsComponent();
        EventLoop vrrp = loops.open("vrrp");
        EventLoop netlink = loops.open("netlink");

        assertThat(loops.loops()).extracting(EventLoop::name).containsExactlyInAnyOrder("vrrp", "netlink");
        assertThatThrownBy(() -> loops.open("vrrp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vrrp");

        vrrp.close();
        assertThat(loops.loops()).containsExactly(netlink);
        EventLoop reopened = loops.open("vrrp");
        assertThat(reopened).isNotSameAs(vrrp);

        loops.deactivate();
        await().atMost(5, SECONDS).until(() -> loops.loops().isEmpty());
    }

    @Test
    void anAbandonedLoopFreesItsNameAtOnceAndCleansUpOnItsThreadWhenWhatItRunsReturns() throws Exception {
        EventLoopsComponent loops = new EventLoopsComponent();
        EventLoop stuck = loops.open("vrrp");
        CountDownLatch blocked = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        stuck.execute(() -> {
            blocked.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        AtomicBoolean neverRuns = new AtomicBoolean();
        stuck.execute(() -> neverRuns.set(true));
        assertThat(blocked.await(5, SECONDS)).isTrue();
        CompletableFuture<String> cleanedUpOn = new CompletableFuture<>();

        stuck.abandon(() -> cleanedUpOn.complete(Thread.currentThread().getName()));

        EventLoop fresh = loops.open("vrrp");
        assertThat(loops.loops()).containsExactly(fresh);
        assertThatThrownBy(() -> stuck.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThat(cleanedUpOn.get(5, SECONDS)).as("the stuck thread, once interrupted").isEqualTo("vrrp");
        assertThat(interrupted).isTrue();
        assertThat(neverRuns).as("what waited behind the stuck task is dropped").isFalse();
        assertThat(CompletableFuture.supplyAsync(() -> "answered", fresh).get(5, SECONDS)).isEqualTo("answered");
        loops.deactivate();
    }
}
