package org.jkeepalived.itests.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jkeepalived.itests.distribution.Distribution.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a running distribution offers to the network: its shell (and anything else that listens)
 * on loopback only, and an account whose password is its own, never a well-known default.
 */
class ExposureIT {

    private static final Pattern ACCOUNT = Pattern.compile("(?m)^karaf\\s*=\\s*([^,\\s]+),");

    @TempDir
    Path directory;

    @Test
    void everythingListensOnLoopbackOnlyNoDefaultPasswordLetsAnyoneInAndLoginsLogNoErrors() throws Exception {
        try (Distribution distribution = Distribution.unpack(directory)) {
            distribution.start(directory.resolve("console.out"), "-n", "-l", "-f", "etc/keepalived/keepalived.conf");
            distribution.awaitShell();

            String listening = distribution.namespace().execOrFail("ss", "-Hltun");
            Path users = distribution.home().resolve("etc/users.properties");
            Matcher account = ACCOUNT.matcher(Files.readString(users));
            Result wellKnown = distribution.shellAs("karaf", "karaf", "keepalived:version");

            // ss prints an IPv4 address bound by Java's dual-stack socket as [::ffff:127.0.0.1]
            List<String> localAddresses = listening.lines().map(line -> line.trim().split("\\s+")[4])
                    .map(address -> address.replaceFirst("^\\[::ffff:([0-9.]+)\\]", "$1")).toList();
            assertThat(localAddresses).as("what listens: %s", listening)
                    .contains("127.0.0.1:8101")
                    .allMatch(address -> address.startsWith("127.") || address.startsWith("[::1]"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(users))).isEqualTo("rw-------");
            assertThat(account.find()).as("the shell's account in %s", users).isTrue();
            assertThat(account.group(1)).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo("karaf");
            assertThat(wellKnown.exitCode()).as(wellKnown.output()).isNotZero();
            assertThat(wellKnown.output()).doesNotContain("jkeepalived " + Distribution.VERSION);
            assertThat(distribution.shell("keepalived:version")).contains("jkeepalived " + Distribution.VERSION);
            assertThat(distribution.logText()).as("the log after the logins").doesNotContain("NoClassDefFoundError");
        }
    }
}
