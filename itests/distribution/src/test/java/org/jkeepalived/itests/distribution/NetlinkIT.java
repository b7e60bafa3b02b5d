package org.jkeepalived.itests.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The netlink services start with the container, in the container's network namespace. */
class NetlinkIT {

    @TempDir
    Path directory;

    @Test
    void theRtnetlinkServiceAndTheInterfaceMonitorAreActive() {
        String components;
        String log;
        try (Distribution distribution = Distribution.unpack(directory)) {
            distribution.start(directory.resolve("console.out"),
                    "-n", "-f", "etc/keepalived/keepalived.conf", "-p", directory.resolve("keepalived.pid").toString());
            distribution.awaitShell();
            components = distribution.shell("scr:list");
            log = distribution.logText();
        }

        assertThat(components).containsPattern(active("org.jkeepalived.netlink.internal.RtnetlinkClient"));
        assertThat(components).containsPattern(active("org.jkeepalived.netlink.internal.InterfaceReflector"));
        assertThat(log).contains("event loop netlink started").doesNotContain("netlink events:");
    }

    private static Pattern active(String component) {
        return Pattern.compile("ACTIVE\\W+" + Pattern.quote(component));
    }
}
