package org.jkeepalived.itests.distribution;

import static java.util.concurrent.TimeUnit.MINUTES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jkeepalived.testing.netns.Command;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./quickstart} as a user runs it, on the distribution already built: each step it announces
 * happened, in order, and on exit, normal or by Ctrl-C (SIGINT), the host is left as it was.
 */
class QuickstartIT {

    private static final Path SCRIPT = Path.of(System.getProperty("jkeepalived.source"), "quickstart");
    private static final Pattern REQUESTS = Pattern.compile("client -> 192\\.0\\.2\\.100:80, \\d+ requests answered by: ([a-z0-9 ]+) \\(servers seen: ([a-z0-9 ]*)\\)");
    private static final Pattern LAB_NAMESPACE = Pattern.compile("qs-(lan|r1|r2|client|s1|s2|s3)");

    @TempDir
    Path directory;

    private Path lab;
    private Path output;

    @BeforeEach
    void requireANamespaceCapableHost() {
        NetworkNamespace.assumeAvailable();
        assertThat(labNamespaces()).as("a quickstart lab is already running on this host").isEmpty();
        lab = directory.resolve("lab");
        output = directory.resolve("quickstart.out");
    }

    @Test
    void runsEveryStepAndLeavesTheHostAsItWas() throws Exception {
        Process quickstart = start();
        assertThat(quickstart.waitFor(6, MINUTES)).as("quickstart ends within 6 minutes").isTrue();
        String text = output();
        assertThat(quickstart.exitValue()).as(text).isZero();

        Matcher elected = find(text, "(r1|r2) is MASTER \\(priority \\d+\\): it holds 192\\.0\\.2\\.100 and 198\\.51\\.100\\.254\n"
                + "(r1|r2) is BACKUP");
        String master = elected.group(1);
        String backup = elected.group(2);
        assertThat(master).isNotEqualTo(backup);
        find(text, "real servers on " + master + ": s1 up, s2 up, s3 up");

        List<MatchResult> requests = REQUESTS.matcher(text).results().toList();
        assertThat(requests).hasSize(4);
        // every request is answered in each round; before s2 dies and once it is back, at least two servers share them
        requests.forEach(round -> assertThat(round.group(1)).as("%s in:%n%s", round.group(), text).doesNotContain("none"));
        assertThat(served(requests.get(0))).as("at first, in:%n%s", text).hasSizeGreaterThanOrEqualTo(2);
        assertThat(served(requests.get(1))).as("after s2 died, in:%n%s", text).doesNotContain("s2").hasSizeGreaterThanOrEqualTo(1);
        assertThat(served(requests.get(2))).as("after the master died, in:%n%s", text).doesNotContain("s2");
        assertThat(served(requests.get(3))).as("once both are back, in:%n%s", text).hasSizeGreaterThanOrEqualTo(2);

        find(text, "s2 is down on " + master + " and out of the pool");
        find(text, "Removing service \\[198\\.51\\.100\\.12\\]:tcp:80 from VS \\[192\\.0\\.2\\.100\\]:tcp:80");
        Matcher failover = find(text, "jkeepalived on " + master + " is killed[^\n]*\n" + backup
                + " is MASTER and holds 192\\.0\\.2\\.100: the virtual address answered again after (\\d+) ms");
        // the backup waits three advert intervals of 1 s and its skew before it takes over; the master's last
        // advert may have left up to one interval before the kill
        assertThat(Long.parseLong(failover.group(1))).as("ms until the VIP answered again").isBetween(2_000L, 20_000L);
        find(text, "s2 is up on " + backup + " again");
        find(text, master + " is back and MASTER again \\(higher priority, preemption\\); " + backup + " is BACKUP");
        assertThat(text).containsSubsequence("== Making the lab", "== Starting the real servers", "== Starting jkeepalived", "== VRRP",
                "== Health checks", "== Traffic", "== A real server dies", "== The master router dies", "== Both come back",
                "== Removing the lab");
        find(text, "The lab is removed: no namespaces, links or processes of it are left\\.");

        assertTheHostIsAsItWas();
    }

    @Test
    void ctrlCRemovesTheLab() throws Exception {
        Process quickstart = start();
        await().atMost(4, MINUTES).pollInterval(Duration.ofMillis(500)).until(() -> output().contains("== Traffic")
                || !quickstart.isAlive());
        assertThat(quickstart.isAlive()).as(output()).isTrue();
        assertThat(labNamespaces()).containsExactlyInAnyOrder("qs-lan", "qs-r1", "qs-r2", "qs-client", "qs-s1", "qs-s2", "qs-s3");

        Command.runOrFail("kill", "-INT", Long.toString(quickstart.pid()));
        assertThat(quickstart.waitFor(2, MINUTES)).isTrue();
        String text = output();
        assertThat(quickstart.exitValue()).as(text).isEqualTo(130);
        assertThat(text).contains("The lab is removed: no namespaces, links or processes of it are left.");

        assertTheHostIsAsItWas();
    }

    private Process start() throws IOException {
        Path archive = Path.of(System.getProperty("jkeepalived.distribution"));
        // SIGINT as a terminal delivers it: a build started in the background of a script inherits
        // it ignored, and a shell cannot trap a signal ignored when it starts
        return new ProcessBuilder("env", "--default-signal=INT", SCRIPT.toString(), "--distribution", archive.toString(),
                "--dir", lab.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }

    private void assertTheHostIsAsItWas() {
        assertThat(labNamespaces()).as("namespaces of the lab").isEmpty();
        assertThat(processesOfTheLab()).as("processes of the lab").isEmpty();
    }

    private static Set<String> labNamespaces() {
        Set<String> names = new TreeSet<>();
        for (String line : Command.runOrFail("ip", "netns", "list").split("\n")) {
            String name = line.split(" ")[0];
            if (LAB_NAMESPACE.matcher(name).matches()) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every process whose command line names the lab's directory: the routers' JVMs and the HTTP servers. */
    private List<String> processesOfTheLab() {
        List<String> found = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(process -> {
            try {
                byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
                String commandLine = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
                if (commandLine.contains(lab.toString())) {
                    found.add(process.pid() + ": " + commandLine);
                }
            } catch (NoSuchFileException gone) {
                // ended while we looked
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return found;
    }

    private String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    private static Matcher find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("quickstart says /%s/ in:%n%s", regex, text).isTrue();
        return matcher;
    }

    private static Set<String> served(MatchResult requests) {
        return new TreeSet<>(Arrays.asList(requests.group(2).trim().split(" ")));
    }
}
