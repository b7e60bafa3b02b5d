package org.jkeepalived.testing.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class NetworkNamespaceTest {

    @Test
    void hostsOnABridgeReachEachOtherAndThreadsSeeTheirNamespace() throws Exception {
        try (NetworkNamespace hub = NetworkNamespace.create();
             NetworkNamespace left = NetworkNamespace.create();
             NetworkNamespace right = NetworkNamespace.create()) {
            Links.bridge(hub, "br0", "eth0", left, right);
            left.execOrFail("ip", "addr", "add", "192.0.2.1/24", "dev", "eth0");
            right.execOrFail("ip", "addr", "add", "192.0.2.2/24", "dev", "eth0");

            assertThat(left.exec("ping", "-c", "1", "-W", "2", "192.0.2.2").succeeded()).isTrue();

            List<String> seenFromLeft = left.call(NetworkNamespaceTest::interfaceNames);
            assertThat(seenFromLeft).containsExactlyInAnyOrder("lo", "eth0");
            assertThat(left.call(() -> InetAddress.getByName("192.0.2.2").isReachable(2000))).isTrue();
            assertThat(interfaceNames()).doesNotContain("br0");
        }
    }

    @Test
    void aClosedNamespaceIsGone() {
        NetworkNamespace namespace = NetworkNamespace.create();
        String name = namespace.name();

        namespace.close();

        assertThat(Command.runOrFail("ip", "netns", "list")).doesNotContain(name);
    }

    private static List<String> interfaceNames() throws Exception {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .map(NetworkInterface::getName)
                .collect(Collectors.toList());
    }
}
