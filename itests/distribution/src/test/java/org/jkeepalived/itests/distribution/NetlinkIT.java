package org.jkeepalived.itests.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The netlink services start with the container, in the container's network namespace. */
class NetlinkIT {

    @TempDir
    Path directory;

    @Test
    void theRtnetlinkServiceAndTheInterfaceMonitorStartWithTheContainer() {
        String services;
        String log;
        try (Distribution distribution = Distribution.unpack(directory)) {
            distribution.start(directory.resolve("console.out"),
                    "-n", "-f", "etc/keepalived/keepalived.conf", "-p", directory.resolve("keepalived.pid").toString());
            distribution.awaitShell();
            services = distribution.shell("bundle:services -p org.jkeepalived.netlink");
            log = distribution.logText();
        }

        assertThat(services)
                .contains("component.name = org.jkeepalived.netlink.internal.RtnetlinkClient")
                .contains("objectClass = [org.jkeepalived.netlink.api.Rtnetlink]")
                .contains("component.name = org.jkeepalived.netlink.internal.InterfaceReflector")
                .contains("objectClass = [org.jkeepalived.netlink.api.InterfaceMonitor]");
        // the container's namespace holds only its loopback
        assertThat(log).contains("event loop netlink started").contains("interface monitor started: lo up")
                .doesNotContain("netlink events:");
    }
}
