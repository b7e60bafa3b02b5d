package org.jkeepalived.netlink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;

import org.jkeepalived.core.api.loop.EventLoop;
import org.jkeepalived.core.internal.loop.EventLoopsComponent;
import org.jkeepalived.netlink.api.Link;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.junit.jupiter.api.Test;

/**
 * The Declarative Services path: components activated on a thread of the process's own namespace
 * read that namespace, and release their sockets and loop when deactivated.
 */
class ComponentsTest {

    @Test
    void theComponentsServeTheProcesssNamespaceUntilDeactivated() {
        NetworkNamespace.assumeAvailable();
        EventLoopsComponent loops = new EventLoopsComponent();
        RtnetlinkClient rtnetlink = new RtnetlinkClient(new RtnetlinkClient.Config() {
            @Override
            public long request_timeout_ms() {
                return 2000;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return RtnetlinkClient.Config.class;
            }
        });
        InterfaceReflector reflector = new InterfaceReflector(loops, new InterfaceReflector.Config() {
            @Override
            public int receive_buffer_bytes() {
                return 1 << 20;
            }

            @Override
            public long request_timeout_ms() {
                return 2000;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return InterfaceReflector.Config.class;
            }
        });
        try {
            assertThat(rtnetlink.links()).extracting(Link::name).contains("lo");
            assertThat(reflector.interfaces().byName("lo")).isPresent();
            assertThat(loops.loops()).extracting(EventLoop::name).containsExactly("netlink");
        } finally {
            reflector.close();
            rtnetlink.close();
        }
        assertThat(loops.loops()).isEmpty();
    }
}
