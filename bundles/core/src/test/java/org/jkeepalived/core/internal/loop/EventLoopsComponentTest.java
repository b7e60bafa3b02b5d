package org.jkeepalived.core.internal.loop;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
}
