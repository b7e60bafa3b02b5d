package org.jkeepalived.vrrp.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.jkeepalived.testing.netns.Command;
import org.jkeepalived.vrrp.api.VrrpState;
import org.junit.jupiter.api.Test;

/**
 * no_accept on two routers in namespaces (RFC 5798 section 6.1, Accept_Mode False): the master of a
 * no_accept instance answers ARP for its address but drops packets addressed to it, while the
 * address of an accept instance beside it answers pings; the drop moves with the master, follows a
 * reload that turns accept on, and its nftables table goes at stop.
 */
class AcceptModeNamespaceTest extends RouterSegmentTest {

    private static final Duration TAKEOVER = Duration.ofSeconds(10);

    @Test
    void aNoAcceptMasterDropsPacketsToItsAddressesAndTheDropMovesWithTheMaster() {
        first.apply(config(150, 150, "no_accept"));
        second.apply("global_defs {\n    nftables vrrp_b\n}\n" + config(100, 100, "no_accept"));
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER
                && first.instance("VI_2").state() == VrrpState.MASTER && first.has("192.0.2.100") && first.has("192.0.2.200"));

        // the accept instance's address answers, so a silent no_accept address is the filter's doing
        await().atMost(Duration.ofSeconds(5)).until(() -> ping(second, "192.0.2.200"));
        assertThat(ping(second, "192.0.2.100")).isFalse();
        assertThat(second.ip("neigh show 192.0.2.100")).contains("lladdr");
        await().atMost(Duration.ofSeconds(5)).until(() -> set(first, "keepalived", "vips").contains("192.0.2.100"));
        assertThat(set(first, "keepalived", "vips")).doesNotContain("192.0.2.200");
        assertThat(set(first, "keepalived", "vips6")).contains("2001:db8::100");
        assertThat(set(first, "keepalived", "vips6_if")).contains("fe80::100 . \"eth0\"");
        assertThat(set(second, "vrrp_b", "vips")).doesNotContain("192.0.2.100");

        // the first router's VI_1 drops below the second's: the drop goes with the address
        first.apply(config(50, 150, "no_accept"));
        await().atMost(TAKEOVER).until(() -> second.instance("VI_1").state() == VrrpState.MASTER
                && second.has("192.0.2.100") && !first.has("192.0.2.100"));
        await().atMost(Duration.ofSeconds(5)).until(() -> set(second, "vrrp_b", "vips").contains("192.0.2.100")
                && !set(first, "keepalived", "vips").contains("192.0.2.100"));
        assertThat(ping(first, "192.0.2.100")).isFalse();

        // a reload that turns accept on lets packets through without a failover (counted from here:
        // on a loaded machine the second router may have been master for a moment at start)
        long takeovers = second.instance("VI_1").becameMaster();
        second.apply("global_defs {\n    nftables vrrp_b\n}\n" + config(100, 100, "accept"));
        await().atMost(Duration.ofSeconds(5)).until(() -> ping(first, "192.0.2.100"));
        assertThat(second.instance("VI_1").becameMaster()).isEqualTo(takeovers);
        assertThat(second.instance("VI_1").state()).isEqualTo(VrrpState.MASTER);

        // with no no_accept instance left, the table goes; the other router's at stop
        assertThat(tables(second)).doesNotContain("vrrp_b");
        first.stop();
        assertThat(tables(first)).doesNotContain("keepalived");
    }

    @Test
    void theTableAPreviousRunLeftGoesAtStartEvenWithoutANoAcceptInstance() {
        first.namespace.execOrFail("nft", "add table inet vrrp_c");
        first.apply("global_defs {\n    nftables vrrp_c\n}\n" + config(150, 150, "accept"));

        await().atMost(Duration.ofSeconds(5)).until(() -> !tables(first).contains("vrrp_c"));
    }

    private static boolean ping(RuntimeRouter from, String address) {
        return from.namespace.exec("ping", "-c", "1", "-W", "1", address).succeeded();
    }

    /** @return the elements of a set of the table, as nft lists them; nothing if there is no such set */
    private static String set(RuntimeRouter router, String table, String set) {
        Command.Result listed = router.namespace.exec("nft", "list", "set", "inet", table, set);
        return listed.succeeded() ? listed.output() : "";
    }

    private static String tables(RuntimeRouter router) {
        return router.namespace.execOrFail("nft", "list", "tables");
    }

    private static String config(int priority1, int priority2, String acceptMode) {
        return """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    %s
                    virtual_ipaddress {
                        192.0.2.100/24
                    }
                    virtual_ipaddress_excluded {
                        2001:db8::100/64
                        fe80::100/64
                    }
                }
                vrrp_instance VI_2 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 52
                    priority %d
                    advert_int 1
                    virtual_ipaddress {
                        192.0.2.200/24
                    }
                }
                """.formatted(priority1, acceptMode, priority2);
    }
}
