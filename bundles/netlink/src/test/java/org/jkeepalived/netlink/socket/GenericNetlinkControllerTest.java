package org.jkeepalived.netlink.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.netlink.api.NetlinkException;
import org.jkeepalived.netlink.codec.GenericNetlinkFamily;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.junit.jupiter.api.Test;

class GenericNetlinkControllerTest {

    @Test
    void resolvesAFamilyByNameAndReportsOneTheKernelLacks() throws Exception {
        try (NetworkNamespace host = NetworkNamespace.create()) {
            host.call(() -> {
                try (NetlinkSocket socket = NetlinkSocket.open(NetlinkSocket.NETLINK_GENERIC, Duration.ofSeconds(5))) {
                    GenericNetlinkFamily controller = GenericNetlinkController.family(socket, "nlctrl");
                    assertThat(controller.id()).isEqualTo(0x10);
                    assertThat(controller.multicastGroups()).containsKey("notify");

                    assertThatThrownBy(() -> GenericNetlinkController.family(socket, "no-such-family"))
                            .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT))
                            .hasMessageStartingWith("cannot resolve generic netlink family no-such-family: ENOENT");

                    // the socket goes on serving requests after a refusal
                    assertThat(GenericNetlinkController.family(socket, "nlctrl")).isEqualTo(controller);
                }
                return null;
            });
        }
    }
}
