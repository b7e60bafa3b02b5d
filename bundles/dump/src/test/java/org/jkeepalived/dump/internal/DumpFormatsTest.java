package org.jkeepalived.dump.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;

import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.lvs.api.RealServerStatus;
import org.jkeepalived.lvs.api.VirtualServerStatus;
import org.jkeepalived.vrrp.api.DropReason;
import org.jkeepalived.vrrp.api.TrackedStatus;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpState;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The text and JSON dumps of one reading of a configuration and its state. */
class DumpFormatsTest {

    private static final String CONFIG = """
            global_defs {
              router_id lb1
            }
            vrrp_script chk_web {
              script "/usr/bin/true"
              interval 1
              weight -20
            }
            vrrp_instance VI_1 {
              state BACKUP
              interface eth0
              virtual_router_id 51
              priority 100
              advert_int 1
              virtual_ipaddress {
                192.0.2.100/24
              }
              track_interface {
                eth1 weight -10
              }
              track_script {
                chk_web
              }
            }
            vrrp_instance VI_2 {
              interface eth0
              virtual_router_id 52
              priority 90
              nopreempt
              authentication {
                auth_type PASS
                auth_pass secret
              }
              virtual_ipaddress {
                192.0.2.101/24
              }
            }
            vrrp_sync_group G1 {
              group {
                VI_2
              }
            }
            virtual_server 192.0.2.100 80 {
              lb_algo rr
              lb_kind NAT
              protocol TCP
              real_server 192.0.2.10 80 {
                weight 3
              }
            }
            """;

    /** 2026-11-23T16:05:45.543907Z */
    private static final Instant TRANSITION = Instant.ofEpochSecond(1795449945L, 543_907_000);

    private final RuntimeDump dump = new RuntimeDump(config(), true,
            List.of(instance("VI_1", VrrpState.MASTER, 100, 80, List.of(
                            new TrackedStatus(TrackedStatus.Kind.INTERFACE, "eth1", -10, false, true, OptionalLong.empty()),
                            new TrackedStatus(TrackedStatus.Kind.SCRIPT, "chk_web", -20, false, false, OptionalLong.empty()),
                            new TrackedStatus(TrackedStatus.Kind.PROCESS, "haproxy", 0, true, false, OptionalLong.empty()))),
                    instance("VI_2", VrrpState.BACKUP, 90, 90, List.of())),
            Map.of("G1", VrrpState.BACKUP), true,
            List.of(new VirtualServerStatus("[192.0.2.100]:tcp:80", "tcp", "rr", "NAT", false, 0, 1, 0, Optional.empty(),
                    false, List.of(new RealServerStatus("192.0.2.10:80", 3, OptionalInt.empty(), false,
                            List.of("TCP_CHECK down: connection refused"))))),
            Optional.empty());

    @Test
    void theTextDumpHasKeepalivedsHeadingsAndKeysWithTheLiveState() {
        String text = new DataDumpFormat(ZoneOffset.UTC).all(dump);

        assertThat(text).startsWith("------< Global definitions >------\n Router ID = lb1\n");
        assertThat(text).containsSubsequence(
                "------< VRRP Topology >------\n",
                " VRRP Instance = VI_1\n",
                "   State = MASTER\n",
                "   Last transition = 1795449945.543907 (Mon Nov 23 16:05:45.543907 2026)\n",
                "   Interface = eth0\n",
                "   Virtual Router ID = 51\n",
                "   Priority = 100\n",
                "   Effective priority = 80\n",
                "   Preempt = enabled\n",
                "   Virtual IP (1):\n     192.0.2.100/24 dev eth0\n",
                "   Tracked interfaces :\n     eth1 weight -10, UP\n",
                "   Tracked scripts :\n     chk_web weight -20, BAD\n",
                "   Tracked processes :\n     haproxy weight 0 reverse, DOWN\n",
                " VRRP Instance = VI_2\n",
                "   Sync group = G1\n",
                "   State = BACKUP\n",
                "   Preempt = disabled\n",
                "   Authentication type = SIMPLE_PASSWORD\n",
                "------< VRRP Sync groups >------\n",
                " VRRP Sync Group = G1, BACKUP\n   VRRP member instances :\n     VI_2\n",
                "------< LVS Topology >------\n",
                " VS = [192.0.2.100]:tcp:80\n",
                "   lb_algo = rr\n",
                "   Quorum state = DOWN, live weight = 0\n",
                "   ------< Real server >------\n",
                "   RIP = 192.0.2.10, RPORT = 80, WEIGHT = 3\n",
                "   Status = DOWN\n",
                "   Data plane weight = not in the data plane\n",
                "   Checker = TCP_CHECK down: connection refused\n");
    }

    @Test
    void eachProcessFileHasItsOwnSectionsAfterTheGlobalDefinitions() {
        DataDumpFormat format = new DataDumpFormat(ZoneOffset.UTC);

        assertThat(format.vrrpData(dump)).contains("VRRP Topology").doesNotContain("LVS Topology");
        assertThat(format.checkData(dump)).contains("Global definitions", "LVS Topology").doesNotContain("VRRP Instance");
    }

    @Test
    void theJsonDumpIsKeepalivedsArrayOfDataAndStats() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonDumpFormat.json(dump));

        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(2);
        JsonNode first = json.get(0);
        assertThat(first.get("data").get("iname").asText()).isEqualTo("VI_1");
        assertThat(first.get("data").get("state").asInt()).isEqualTo(2);
        assertThat(first.get("data").get("vrid").asInt()).isEqualTo(51);
        assertThat(first.get("data").get("base_priority").asInt()).isEqualTo(100);
        assertThat(first.get("data").get("effective_priority").asInt()).isEqualTo(80);
        assertThat(first.get("data").get("last_transition").decimalValue()).isEqualByComparingTo("1795449945.543907");
        assertThat(first.get("data").get("vipset").asBoolean()).isTrue();
        assertThat(first.get("data").get("vips").get(0).asText()).isEqualTo("192.0.2.100/24 dev eth0");
        assertThat(first.get("data").get("track_ifp").get(0).asText()).isEqualTo("eth1");
        assertThat(first.get("data").get("track_script").get(0).asText()).isEqualTo("'/usr/bin/true'");
        assertThat(first.get("stats").get("advert_rcvd").asLong()).isEqualTo(7);
        assertThat(first.get("stats").get("advert_sent").asLong()).isEqualTo(11);
        assertThat(first.get("stats").get("packet_len_err").asLong()).isEqualTo(2);
        // keepalived's 14 counters, in its order
        assertThat(first.get("stats").fieldNames()).toIterable().containsExactly("advert_rcvd", "advert_sent",
                "become_master", "release_master", "packet_len_err", "ip_ttl_err", "invalid_type_rcvd",
                "advert_interval_err", "addr_list_err", "invalid_authtype", "authtype_mismatch", "auth_failure",
                "pri_zero_rcvd", "pri_zero_sent");
        JsonNode second = json.get(1).get("data");
        assertThat(second.get("state").asInt()).isEqualTo(1);
        assertThat(second.get("nopreempt").asBoolean()).isTrue();
        assertThat(second.get("auth_type").asInt()).isEqualTo(1);
        assertThat(second.has("track_script")).isFalse();
    }

    @Test
    void textAndJsonSayTheSameOfEachInstance() throws Exception {
        String text = new DataDumpFormat(ZoneOffset.UTC).all(dump);
        JsonNode json = new ObjectMapper().readTree(JsonDumpFormat.json(dump));

        for (JsonNode instance : json) {
            JsonNode data = instance.get("data");
            String block = text.substring(text.indexOf(" VRRP Instance = " + data.get("iname").asText() + "\n"));
            assertThat(block).contains("Effective priority = " + data.get("effective_priority").asInt() + "\n");
            assertThat(block).contains("Virtual Router ID = " + data.get("vrid").asInt() + "\n");
        }
    }

    @Test
    void virtualServersThatCannotBeReadAreSaidSo() {
        RuntimeDump unreadable = new RuntimeDump(config(), false, List.of(), Map.of(), true, List.of(),
                Optional.of("the data plane did not answer"));

        String text = new DataDumpFormat(ZoneOffset.UTC).all(unreadable);

        assertThat(text).doesNotContain("VRRP Topology")
                .contains("------< LVS Topology >------\n Virtual servers unreadable: the data plane did not answer\n");
    }

    @Test
    void stringsAreEscaped() {
        assertThat(new JsonWriter().beginArray().value("a \"b\"\\\n\u0001").endArray().toString())
                .isEqualTo("[\"a \\\"b\\\"\\\\\\n\\u0001\"]");
    }

    private static VrrpInstanceStatus instance(String name, VrrpState state, int priority, int effective,
            List<TrackedStatus> tracked) {
        String address = name.equals("VI_1") ? "192.0.2.100/24 dev eth0" : "192.0.2.101/24 dev eth0";
        return new VrrpInstanceStatus(name, state, name.equals("VI_1") ? 51 : 52, 2, Optional.of("eth0"), priority,
                "192.0.2.1", List.of(address), 11, 7, 1, 0, 0, 0, Map.of(DropReason.TRUNCATED, 2L), effective,
                TRANSITION, tracked);
    }

    private static KeepalivedConfig config() {
        ConfigResult result = ConfigReader.builder().configId("main").hostName("lb1").random(new SplittableRandom(1))
                .build().read("keepalived.conf", CONFIG);
        assertThat(result.diagnostics()).filteredOn(d -> d.isError()).isEmpty();
        return result.config().orElseThrow();
    }
}
