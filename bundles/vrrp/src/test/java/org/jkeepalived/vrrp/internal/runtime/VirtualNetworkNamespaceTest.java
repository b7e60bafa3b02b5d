package org.jkeepalived.vrrp.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.jkeepalived.testing.netns.Command;
import org.jkeepalived.vrrp.api.VrrpState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a master sets besides its addresses, on two routers in namespaces: virtual_routes and
 * virtual_rules (and virtual_ipaddress_excluded) are in the master's kernel only and follow it;
 * static_ipaddress, static_routes and static_rules are set at start, follow reloads and go at stop;
 * notify FIFOs get keepalived's lines, and one nobody reads never holds VRRP up.
 */
class VirtualNetworkNamespaceTest extends RouterSegmentTest {

    private static final Duration TAKEOVER = Duration.ofSeconds(10);
    private static final String ROUTE = "198.51.100.0/24 via 192.0.2.254 dev eth0 proto keepalived src 192.0.2.100 metric 5";
    private static final String BLACKHOLE = "blackhole 203.0.113.0/24 proto keepalived";
    private static final String SOURCE_RULE = "100:\tfrom 192.0.2.100 lookup 100";
    private static final String MARK_RULE = "101:\tfrom all to 198.51.100.0/24 fwmark 0x7 iif eth0 lookup 100";

    @Test
    void virtualRoutesRulesAndExcludedAddressesAreOnTheMasterOnlyAndMoveWithIt() {
        first.apply(statics("192.0.2.51", true) + instance(150));
        second.apply(statics("192.0.2.52", true) + instance(100));

        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER
                && second.instance("VI_1").state() == VrrpState.BACKUP);
        await().atMost(TAKEOVER).until(() -> holdsVirtualNetwork(first));
        assertThat(first.has("198.18.0.1")).as("virtual_ipaddress_excluded").isTrue();
        assertThat(second.routes(100)).isEmpty();
        assertThat(second.ip("rule show")).doesNotContain(SOURCE_RULE, MARK_RULE);
        assertThat(second.has("198.18.0.1")).isFalse();

        // below the other router's priority: the other takes the routes and rules over
        first.apply(statics("192.0.2.51", true) + instance(50));
        await().atMost(TAKEOVER).until(() -> second.instance("VI_1").state() == VrrpState.MASTER && holdsVirtualNetwork(second));
        await().atMost(TAKEOVER).until(() -> first.routes(100).isEmpty()
                && !first.ip("rule show").contains(SOURCE_RULE) && !first.ip("rule show").contains(MARK_RULE)
                && !first.has("198.18.0.1"));

        // stopping the master takes them away with its addresses
        second.stop();
        assertThat(second.routes(100)).isEmpty();
        assertThat(second.ip("rule show")).doesNotContain(SOURCE_RULE, MARK_RULE);
        await().atMost(TAKEOVER).until(() -> holdsVirtualNetwork(first));
    }

    @Test
    void aReloadThatChangesTheVirtualRoutesAndRulesReplacesThemOnTheMasterWithoutAFailover() {
        first.apply(instance(150));
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER && holdsVirtualNetwork(first));

        first.apply(instance(150).replace("metric 5", "metric 7").replace("priority 101", "priority 102")
                .replace("        blackhole 203.0.113.0/24 table 100\n", ""));

        await().atMost(TAKEOVER).until(() -> first.routes(100).contains(ROUTE.replace("metric 5", "metric 7"))
                && first.ip("rule show").contains(MARK_RULE.replace("101:", "102:")));
        assertThat(first.routes(100)).doesNotContain(ROUTE).doesNotContain(BLACKHOLE);
        assertThat(first.ip("rule show")).doesNotContain(MARK_RULE).contains(SOURCE_RULE);
        assertThat(first.instance("VI_1").state()).isEqualTo(VrrpState.MASTER);
        assertThat(first.instance("VI_1").becameMaster()).isEqualTo(1);
        assertThat(first.has("192.0.2.100")).isTrue();
    }

    @Test
    void staticEntriesAreSetAtStartFollowAReloadAndAreRemovedAtStop() {
        first.apply(statics("192.0.2.51", true) + instance(150));

        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER);
        // static entries do not wait for MASTER and do not depend on it
        assertThat(first.has("192.0.2.51")).isTrue();
        assertThat(first.ip("route show 10.99.0.0/16")).contains("10.99.0.0/16 via 192.0.2.254 dev eth0 proto keepalived");
        assertThat(first.ip("rule show")).contains("200:\tfrom 10.98.0.0/16 lookup 200");

        // the static route leaves the file: it goes, the others stay, and the instance carries on as master
        first.apply(statics("192.0.2.51", false) + instance(150));
        await().atMost(TAKEOVER).until(() -> first.ip("route show 10.99.0.0/16").isEmpty());
        assertThat(first.has("192.0.2.51")).isTrue();
        assertThat(first.ip("rule show")).contains("200:\tfrom 10.98.0.0/16 lookup 200");
        assertThat(first.instance("VI_1").becameMaster()).isEqualTo(1);

        first.stop();
        assertThat(first.has("192.0.2.51")).isFalse();
        assertThat(first.ip("rule show")).doesNotContain("200:");
        assertThat(first.has("192.0.2.100")).isFalse();
    }

    @Test
    void theNotifyFifoScriptReadsKeepalivedsLinesForEveryChangeUpToStop(@TempDir Path state) throws IOException {
        Path fifo = state.resolve("vrrp.fifo");
        Path events = state.resolve("events");
        Path reader = script(state.resolve("reader.sh"), "cat \"$1\" >> " + events);
        String globals = """
                global_defs {
                    vrrp_notify_fifo %s
                    vrrp_notify_fifo_script %s
                }
                """.formatted(fifo, reader);
        String groupOfTwo = """
                vrrp_sync_group G1 {
                    group {
                        VI_1
                        VI_2
                    }
                }
                """ + instance(150) + instance(120).replace("VI_1", "VI_2")
                .replace("virtual_router_id 51", "virtual_router_id 52").replace("192.0.2.100/24", "192.0.2.200/24")
                .replaceAll("(?s)virtual_ipaddress_excluded.*?\\n    }\\n", "")
                .replaceAll("(?s)virtual_routes.*?\\n    }\\n", "").replaceAll("(?s)virtual_rules.*?\\n    }\\n", "");
        first.apply(globals + groupOfTwo);

        await().atMost(TAKEOVER).until(() -> lines(events).containsAll(List.of("INSTANCE \"VI_1\" MASTER 150",
                "INSTANCE \"VI_2\" MASTER 120", "GROUP \"G1\" MASTER 0")));
        assertThat(lines(events)).containsSubsequence("INSTANCE \"VI_1\" BACKUP 150", "INSTANCE \"VI_1\" MASTER 150");
        assertThat(lines(events)).containsSubsequence("GROUP \"G1\" BACKUP 0", "GROUP \"G1\" MASTER 0");

        // a reload with fifo_write_vrrp_states_on_reload: the same FIFO and script go on, and hear every state
        first.apply(globals.replace("global_defs {", "global_defs {\n    fifo_write_vrrp_states_on_reload") + groupOfTwo);
        await().atMost(TAKEOVER).until(() -> lines(events).stream().filter("GROUP \"G1\" MASTER 0"::equals).count() == 2
                && lines(events).stream().filter("INSTANCE \"VI_1\" MASTER 150"::equals).count() == 2
                && lines(events).stream().filter("INSTANCE \"VI_2\" MASTER 120"::equals).count() == 2);
        assertThat(first.instance("VI_1").becameMaster()).isEqualTo(1);

        first.stop();
        // the script read up to the end: STOP lines for instances and then the group, then the FIFO closed and was removed
        await().atMost(TAKEOVER).until(() -> lines(events).containsAll(List.of("INSTANCE \"VI_1\" STOP 150",
                "INSTANCE \"VI_2\" STOP 120", "GROUP \"G1\" STOP 0")));
        assertThat(lines(events)).containsSubsequence("INSTANCE \"VI_1\" STOP 150", "GROUP \"G1\" STOP 0");
        assertThat(lines(events)).allMatch(line -> line.matches("(INSTANCE|GROUP) \"[A-Z0-9_]+\" (BACKUP|MASTER|STOP) \\d+"));
        assertThat(fifo).doesNotExist();
    }

    @Test
    void aNotifyFifoNobodyReadsNeverHoldsUpVrrp(@TempDir Path state) throws Exception {
        Path fifo = state.resolve("unread.fifo");
        Command.run(List.of("mkfifo", fifo.toString())).orFail();
        // fill the FIFO to the brim and hold it open, reading nothing
        Process filler = new ProcessBuilder("sh", "-c", "exec 3<>" + fifo
                + "; dd if=/dev/zero bs=4096 count=16 >&3 2>/dev/null; echo full; exec sleep 120").start();
        try (BufferedReader said = new BufferedReader(new InputStreamReader(filler.getInputStream(), StandardCharsets.US_ASCII))) {
            assertThat(said.readLine()).isEqualTo("full");
            first.apply("global_defs {\n    notify_fifo " + fifo + "\n}\n" + instance(150));

            await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER && holdsVirtualNetwork(first));
            long sent = first.instance("VI_1").advertsSent();
            // advert_int 1: three more adverts in well under ten seconds
            await().atMost(TAKEOVER).until(() -> first.instance("VI_1").advertsSent() >= sent + 3);
            await().atMost(TAKEOVER).until(() -> first.runtime.fifos.dropped().equals(List.of(2L)));
            first.stop();
            assertThat(fifo).as("a FIFO it did not make is left in place").exists();
        } finally {
            filler.destroy();
            filler.waitFor();
        }
    }

    private static boolean holdsVirtualNetwork(RuntimeRouter router) {
        String routes = router.routes(100);
        String rules = router.ip("rule show");
        return routes.contains(ROUTE) && routes.contains(BLACKHOLE) && rules.contains(SOURCE_RULE)
                && rules.contains(MARK_RULE) && router.has("192.0.2.100") && router.has("198.18.0.1");
    }

    private static String statics(String address, boolean withRoute) {
        return """
                static_ipaddress {
                    %s/24 dev eth0
                }
                static_routes {
                    %s
                }
                static_rules {
                    from 10.98.0.0/16 table 200 priority 200
                }
                """.formatted(address, withRoute ? "10.99.0.0/16 via 192.0.2.254 dev eth0" : "");
    }

    private static String instance(int priority) {
        return """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    virtual_ipaddress {
                        192.0.2.100/24 dev eth0
                    }
                    virtual_ipaddress_excluded {
                        198.18.0.1/32 dev eth0
                    }
                    virtual_routes {
                        src 192.0.2.100 to 198.51.100.0/24 via 192.0.2.254 dev eth0 table 100 metric 5
                        blackhole 203.0.113.0/24 table 100
                    }
                    virtual_rules {
                        from 192.0.2.100/32 table 100 priority 100
                        to 198.51.100.0/24 fwmark 7 iif eth0 table 100 priority 101
                    }
                }
                """.formatted(priority);
    }

    private static Path script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
