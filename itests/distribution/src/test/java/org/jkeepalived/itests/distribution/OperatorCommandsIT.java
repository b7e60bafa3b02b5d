package org.jkeepalived.itests.distribution;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

import org.jkeepalived.testing.netns.Command;
import org.jkeepalived.testing.netns.KeepalivedPeer;
import org.jkeepalived.testing.netns.Links;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's shell commands, dumps and metrics on a running distribution: one VRRP instance,
 * master alone on its link until a peer of higher priority comes, and one virtual server whose real
 * servers are two HTTP servers that answer and one that does not, with a quorum the two make and lose
 * when one of them stops.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorCommandsIT {

    private static final String VIRTUAL_SERVER = "[127.0.0.100]:tcp:8080";
    private static final String VI_1 = "{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"}";
    /** A sample of Prometheus's text format: name, labels, value. */
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*\\})? (\\S+)");
    private static final int REAL_PORT = 8081;

    @TempDir
    static Path directory;

    private static NetworkNamespace peer;
    private static Distribution distribution;
    private static Path configFile;
    private static final Map<Integer, HttpServer> servers = new HashMap<>();

    @BeforeAll
    static void boot() throws Exception {
        peer = NetworkNamespace.create();
        distribution = Distribution.unpack(directory);
        NetworkNamespace host = distribution.namespace();
        Links.veth(host, "eth0", peer, "eth0");
        host.execOrFail("ip", "addr", "add", "192.0.2.1/24", "dev", "eth0");
        peer.execOrFail("ip", "addr", "add", "192.0.2.2/24", "dev", "eth0");
        // real servers 1 and 2 answer; 3 is never started
        servers.put(1, NamedRealServer.start(distribution, 1, REAL_PORT));
        servers.put(2, NamedRealServer.start(distribution, 2, REAL_PORT));
        configFile = Files.writeString(directory.resolve("keepalived.conf"), """
                global_defs {
                    router_id lb-ops
                    log_unknown_vrids
                }
                vrrp_instance VI_1 {
                    state MASTER
                    interface eth0
                    virtual_router_id 51
                    priority 150
                    advert_int 2
                    virtual_ipaddress {
                        192.0.2.100/24 dev eth0
                    }
                }
                virtual_server 127.0.0.100 8080 {
                    protocol TCP
                    lb_algo wrr
                    lb_kind NAT
                    delay_loop 1
                    quorum 2
                    sorry_server 127.0.0.99 %1$d
                    real_server 127.0.0.11 %1$d {
                        weight 2
                        TCP_CHECK {
                            connect_timeout 1
                            retry 0
                        }
                    }
                    real_server 127.0.0.12 %1$d {
                        weight 1
                        TCP_CHECK {
                            connect_timeout 1
                            retry 0
                        }
                    }
                    real_server 127.0.0.13 %1$d {
                        weight 3
                        TCP_CHECK {
                            connect_timeout 1
                            retry 0
                        }
                    }
                }
                """.formatted(REAL_PORT));
        distribution.start(directory.resolve("console.out"), "-n", "-f", configFile.toString(),
                "-p", directory.resolve("keepalived.pid").toString());
        distribution.awaitShell();
        await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> row(distribution.shell("keepalived:vrrp"), "VI_1").get(1).equals("MASTER"));
        // the first checks have run: the one that does not answer is down
        await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> row(distribution.shell("keepalived:virtual-servers"), VIRTUAL_SERVER, "127.0.0.13:8081").get(4)
                        .equals("down"));
    }

    @AfterAll
    static void stop() {
        servers.values().forEach(server -> server.stop(0));
        if (distribution != null) {
            distribution.close();
        }
        peer.close();
    }

    @Test
    @Order(1)
    void statusSummarisesEveryPartOnOneScreen() {
        String status = distribution.shell("keepalived:status");

        assertThat(status).contains("jkeepalived " + Distribution.VERSION + " (keepalived ");
        assertThat(status).containsPattern("\\), up \\d\\d:\\d\\d:\\d\\d");
        assertThat(status).contains("Configuration:   " + configFile + ", generation 1");
        assertThat(status).contains("VRRP:            1 instance: 1 MASTER");
        assertThat(status).contains("Virtual servers: 1 virtual server, 1 with quorum; real servers 2/3 up");
        assertThat(status).containsPattern("Checkers: +\\d+ plugins serving \\d+ keywords");
        Matcher plane = Pattern.compile("Data plane: +(\\w+)").matcher(status);
        assertThat(plane.find()).as(status).isTrue();
        assertThat(distribution.logText()).contains("data plane: " + plane.group(1) + " backend");
    }

    @Test
    @Order(2)
    void virtualServersShowTheQuorumAndEachRealServersHealthAndWeights() {
        String output = distribution.shell("keepalived:virtual-servers");

        assertThat(row(output, VIRTUAL_SERVER)).containsExactly(VIRTUAL_SERVER, "tcp", "wrr", "NAT",
                "up (live weight 3, quorum 2)", "127.0.0.99:8081 standing by", "2/3");
        assertThat(row(output, VIRTUAL_SERVER, "127.0.0.11:8081")).containsExactly(VIRTUAL_SERVER, "127.0.0.11:8081", "2", "2",
                "up", "TCP_CHECK up");
        assertThat(row(output, VIRTUAL_SERVER, "127.0.0.12:8081")).containsExactly(VIRTUAL_SERVER, "127.0.0.12:8081", "1", "1",
                "up", "TCP_CHECK up");
        assertThat(row(output, VIRTUAL_SERVER, "127.0.0.13:8081")).containsExactly(VIRTUAL_SERVER, "127.0.0.13:8081", "3",
                "absent", "down", "TCP_CHECK down");
    }

    @Test
    @Order(3)
    void statsCountTheAdvertsOfTheMasterAndNoErrors() throws Exception {
        String first = distribution.shell("keepalived:stats");
        assertThat(row(first, "Counter")).containsExactly("Counter", "VI_1");
        assertThat(count(first, "Became master")).isEqualTo(1);
        assertThat(count(first, "Released master")).isZero();
        assertThat(count(first, "Priority zero sent")).isZero();
        assertThat(count(first, "Advertisements received")).isZero();
        long sent = count(first, "Advertisements sent");
        assertThat(sent).isPositive();
        assertThat(first.lines().filter(line -> line.contains("errors") || line.contains("dropped")))
                .hasSize(11)
                .allSatisfy(line -> assertThat(cells(line).get(1)).as(line).isEqualTo("0"));

        assertThat(row(distribution.shell("keepalived:stats VI_1"), "Became master")).containsExactly("Became master", "1");
        assertThat(distribution.shell("keepalived:stats VI_9")).contains("No VRRP instance VI_9 runs");

        // advert_int 2: one more every two seconds
        await().atMost(10, SECONDS).pollInterval(Duration.ofMillis(500))
                .until(() -> count(distribution.shell("keepalived:stats"), "Advertisements sent") >= sent + 2);
    }

    @Test
    @Order(3)
    void sigusr2WritesTheStatisticsFileAsKeepalivedDoes() throws Exception {
        Path file = distribution.temporaryDirectory().resolve("keepalived.stats");
        String pid = Files.readString(directory.resolve("keepalived.pid")).trim();

        Command.runOrFail("kill", "-USR2", pid);

        await().atMost(30, SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> Files.exists(file));
        assertThat(Files.readString(file)).startsWith("VRRP Instance: VI_1\n  Advertisements:\n    Received: 0\n    Sent: ")
                .contains("  Became master: 1\n  Released master: 0\n  Packet Errors:\n    Length: 0\n")
                .endsWith("  Priority Zero:\n    Received: 0\n    Sent: 0\n");
        assertThat(distribution.logText()).contains("SIGUSR2: VRRP statistics written to " + file);
    }

    @Test
    @Order(3)
    void aJfrRecordingOfTheJvmSendsNoSigusr2ToKeepalivedsStatistics() throws Exception {
        // the JVM suspends threads with a signal for its sampling profiler: SIGUSR2 unless told another
        String pid = Files.readString(directory.resolve("keepalived.pid")).trim();
        long written = statisticsWritten();
        Path recording = distribution.temporaryDirectory().resolve("sampled.jfr");

        Command.runOrFail(Distribution.jdkTool("jcmd"), pid, "JFR.start", "settings=profile", "duration=3s", "filename=" + recording);
        await().atMost(30, SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> {
            // keeps the JVM's threads running Java code, which is what the profiler samples
            distribution.shell("keepalived:stats");
            return Files.exists(recording) && Files.size(recording) > 0;
        });
        assertThat(Command.runOrFail(Distribution.jdkTool("jfr"), "summary", recording.toString())).as("the profiler sampled threads")
                .containsPattern("jdk\\.ExecutionSample +[1-9]");
        assertThat(statisticsWritten()).as("statistics files written").isEqualTo(written);
    }

    private static long statisticsWritten() {
        return distribution.logText().lines().filter(line -> line.contains("SIGUSR2: VRRP statistics written")).count();
    }

    @Test
    @Order(4)
    void statsCountAdvertsOfAnotherIntervalAsErrors() {
        assumeTrue(KeepalivedPeer.installed(), "Debian's keepalived is not installed: apt-get install keepalived");
        // the same router, of a higher priority, with another advert_int: RFC 3768 section 7.1 drops its adverts
        // (a shorter one: keepalived's master restarts its advert timer on every packet it receives, so a longer one
        // behind our adverts would never be sent)
        try (KeepalivedPeer other = KeepalivedPeer.start(peer, directory, """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority 200
                    advert_int 1
                    virtual_ipaddress {
                        192.0.2.100/24 dev eth0
                    }
                }
                """)) {
            await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(500))
                    .until(() -> count(distribution.shell("keepalived:stats"), "Packet errors: advertisement interval") >= 2);
            String stats = distribution.shell("keepalived:stats");
            assertThat(count(stats, "Advertisements received")).isZero();
            assertThat(count(stats, "Became master")).isEqualTo(1);
            assertThat(row(distribution.shell("keepalived:vrrp"), "VI_1").get(1)).isEqualTo("MASTER");
        }
    }

    @Test
    @Order(4)
    void underLogUnknownVridsEachAdvertOfAVridNoInstanceHasIsLogged() {
        assumeTrue(KeepalivedPeer.installed(), "Debian's keepalived is not installed: apt-get install keepalived");
        // another router on the link, of a VRID that none of ours has
        try (KeepalivedPeer other = KeepalivedPeer.start(peer, directory, """
                vrrp_instance VI_2 {
                    state MASTER
                    interface eth0
                    virtual_router_id 52
                    priority 100
                    advert_int 1
                    virtual_ipaddress {
                        192.0.2.200/24 dev eth0
                    }
                }
                """)) {
            await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(500)).until(() -> unknownVridLines() >= 3);
            assertThat(row(distribution.shell("keepalived:vrrp"), "VI_1").get(1)).isEqualTo("MASTER");
        }
        assertThat(distribution.logText()).doesNotContain("log_unknown_vrids is not applied");
    }

    private static long unknownVridLines() {
        return distribution.logText().lines()
                .filter(line -> line.contains("| INFO ") && line.contains("VRRP channel") && line.contains("unknown VRID 52 received"))
                .count();
    }

    @Test
    @Order(5)
    void aLostQuorumPutsTheSorryServerInUse() {
        // real server 1 (weight 2) stops: live weight 1, under the quorum of 2
        servers.remove(1).stop(0);
        await().atMost(30, SECONDS).pollInterval(Duration.ofMillis(500))
                .until(() -> row(distribution.shell("keepalived:virtual-servers"), VIRTUAL_SERVER).get(4).startsWith("down"));

        String output = distribution.shell("keepalived:virtual-servers");
        assertThat(row(output, VIRTUAL_SERVER)).containsExactly(VIRTUAL_SERVER, "tcp", "wrr", "NAT",
                "down (live weight 1, quorum 2)", "127.0.0.99:8081 in use", "1/3");
        assertThat(row(output, VIRTUAL_SERVER, "127.0.0.11:8081")).containsExactly(VIRTUAL_SERVER, "127.0.0.11:8081", "2",
                "absent", "down", "TCP_CHECK down");
        assertThat(row(output, VIRTUAL_SERVER, "127.0.0.12:8081")).containsExactly(VIRTUAL_SERVER, "127.0.0.12:8081", "1",
                "absent", "up", "TCP_CHECK up");
        assertThat(distribution.shell("keepalived:status"))
                .contains("Virtual servers: 1 virtual server, 0 with quorum; real servers 1/3 up; 1 sorry server in use");
    }

    @Test
    @Order(2)
    void theMetricsEndpointGivesTheStateOfVrrpAndRealServers() throws Exception {
        Map<String, Double> metrics = scrape();

        assertThat(metrics.get("keepalived_vrrp_state" + VI_1)).isEqualTo(2);
        assertThat(metrics.get("keepalived_vrrp_priority" + VI_1)).isEqualTo(150);
        assertThat(metrics.get("keepalived_become_master_total" + VI_1)).isEqualTo(1);
        assertThat(metrics.get("keepalived_advertisements_sent_total" + VI_1)).isPositive();
        assertThat(metrics.get("keepalived_real_server_up" + realServer(11))).isEqualTo(1);
        assertThat(metrics.get("keepalived_real_server_weight" + realServer(11))).isEqualTo(2);
        assertThat(metrics.get("keepalived_real_server_up" + realServer(13))).isZero();
        assertThat(metrics.get("keepalived_real_server_weight" + realServer(13))).isZero();
        assertThat(metrics.get("keepalived_virtual_server_quorum_up{virtual_server=\"" + VIRTUAL_SERVER + "\"}")).isEqualTo(1);
        assertThat(metrics.get("keepalived_checkers{state=\"up\"}")).isEqualTo(2);
        assertThat(metrics.get("keepalived_checkers{state=\"down\"}")).isEqualTo(1);
        assertThat(metrics).containsKey("keepalived_checker_start_lateness_seconds{quantile=\"0.99\"}");
        String probed = "keepalived_checker_last_probe_duration_seconds{virtual_server=\"" + VIRTUAL_SERVER
                + "\",real_server=\"127.0.0.11:" + REAL_PORT + "\",checker=\"TCP_CHECK\"";
        assertThat(metrics.entrySet()).filteredOn(sample -> sample.getKey().startsWith(probed)).singleElement()
                .satisfies(sample -> assertThat(sample.getValue()).isBetween(0.0, 1.0));
    }

    @Test
    @Order(3)
    void dumpPrintsKeepalivedsSectionsWithTheLiveState() {
        String dump = distribution.shell("keepalived:dump");

        assertThat(dump).containsSubsequence(
                "------< Global definitions >------", " Router ID = lb-ops",
                "------< VRRP Topology >------", " VRRP Instance = VI_1", "   State = MASTER", "   Interface = eth0",
                "   Virtual Router ID = 51", "   Priority = 150", "   Effective priority = 150", "   Advert interval = 2 sec",
                "   Virtual IP (1):", "     192.0.2.100/24 dev eth0",
                "------< LVS Topology >------", " VS = " + VIRTUAL_SERVER, "   lb_algo = wrr",
                "   RIP = 127.0.0.11, RPORT = 8081, WEIGHT = 2", "   Status = UP",
                "   RIP = 127.0.0.13, RPORT = 8081, WEIGHT = 3", "   Status = DOWN", "   Data plane weight = not in the data plane");
        assertThat(distribution.shell("keepalived:dump --json"))
                .contains("[{\"data\":{\"iname\":\"VI_1\"", "\"vrid\":51", "\"base_priority\":150", "\"state\":2",
                        "\"stats\":{\"advert_rcvd\":0,\"advert_sent\":", "\"become_master\":1");
    }

    @Test
    @Order(3)
    void sigusr1AndSigjsonWriteKeepalivedsDumpFiles() throws Exception {
        Path data = distribution.temporaryDirectory().resolve("keepalived.data");
        Path checkData = distribution.temporaryDirectory().resolve("keepalived_check.data");
        Path json = distribution.temporaryDirectory().resolve("keepalived.json");
        String pid = Files.readString(directory.resolve("keepalived.pid")).trim();

        Command.runOrFail("kill", "-USR1", pid);
        await().atMost(30, SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> Files.exists(data) && Files.exists(checkData));
        assertThat(Files.readString(data)).startsWith("------< Global definitions >------\n")
                .contains(" VRRP Instance = VI_1\n   VRRP Version = 2\n   State = MASTER\n").doesNotContain("LVS Topology");
        assertThat(Files.readString(checkData)).contains(" VS = " + VIRTUAL_SERVER + "\n").doesNotContain("VRRP Instance");
        // keepalived's SIGJSON is SIGRTMIN+2, as bash names it
        Command.runOrFail("bash", "-c", "kill -s RTMIN+2 " + pid);
        await().atMost(30, SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> Files.exists(json));
        assertThat(Files.readString(json)).startsWith("[{\"data\":{\"iname\":\"VI_1\"").endsWith("}}]");
        assertThat(Files.getPosixFilePermissions(json)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(distribution.logText()).contains("state dumped to " + data, "state dumped to " + json);
    }

    @Test
    @Order(6)
    void metricsFollowALostRealServerAndDroppedAdverts() throws Exception {
        // after the tests above: real server 1 stopped, and a peer sent adverts of another interval
        await().atMost(30, SECONDS).pollInterval(Duration.ofMillis(500))
                .until(() -> scrape().get("keepalived_real_server_up" + realServer(11)) == 0);
        Map<String, Double> metrics = scrape();

        assertThat(metrics.get("keepalived_real_server_weight" + realServer(11))).isZero();
        assertThat(metrics.get("keepalived_real_server_up" + realServer(12))).isEqualTo(1);
        assertThat(metrics.get("keepalived_virtual_server_quorum_up{virtual_server=\"" + VIRTUAL_SERVER + "\"}")).isZero();
        if (KeepalivedPeer.installed()) {
            assertThat(metrics.get("keepalived_vrrp_dropped_packets_total{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\","
                    + "reason=\"advert_interval\"}")).isGreaterThanOrEqualTo(2);
        }
        assertThat(distribution.shell("keepalived:dump")).contains("   RIP = 127.0.0.11, RPORT = 8081, WEIGHT = 2\n   Status = DOWN\n");
    }

    @Test
    @Order(7)
    void aTransitionToBackupShowsInTheMetricsAndTheDumps() throws Exception {
        assumeTrue(KeepalivedPeer.installed(), "Debian's keepalived is not installed: apt-get install keepalived");
        try (KeepalivedPeer other = KeepalivedPeer.start(peer, directory, """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority 200
                    advert_int 2
                    virtual_ipaddress {
                        192.0.2.100/24 dev eth0
                    }
                }
                """)) {
            await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(500))
                    .until(() -> scrape().get("keepalived_vrrp_state" + VI_1) == 1);
            Map<String, Double> metrics = scrape();
            assertThat(metrics.get("keepalived_release_master_total" + VI_1)).isEqualTo(1);
            assertThat(metrics.get("keepalived_advertisements_received_total" + VI_1)).isPositive();
            assertThat(distribution.shell("keepalived:dump")).contains(" VRRP Instance = VI_1\n   VRRP Version = 2\n   State = BACKUP\n");
            assertThat(distribution.shell("keepalived:dump --json")).contains("\"state\":1", "\"release_master\":1");
        }
    }

    /** Scrapes the metrics endpoint where it listens by default, in the distribution's namespace, and reads every sample. */
    private static Map<String, Double> scrape() throws Exception {
        String response = distribution.namespace().call(() -> {
            try (Socket socket = new Socket("127.0.0.1", 9650)) {
                socket.getOutputStream().write("GET /metrics HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        });
        assertThat(response).startsWith("HTTP/1.1 200 OK").contains("content-type: text/plain; version=0.0.4; charset=utf-8");
        Map<String, Double> samples = new HashMap<>();
        Set<String> declared = new HashSet<>();
        for (String line : response.substring(response.indexOf("\r\n\r\n") + 4).split("\n")) {
            if (line.startsWith("# TYPE ")) {
                declared.add(line.split(" ")[2]);
            } else if (!line.startsWith("# HELP ")) {
                Matcher sample = SAMPLE.matcher(line);
                assertThat(sample.matches()).as("a sample: " + line).isTrue();
                assertThat(declared).as("TYPE before " + line).contains(sample.group(1));
                assertThat(samples.put(sample.group(1) + Objects.toString(sample.group(2), ""), Double.valueOf(sample.group(3))))
                        .as("once: " + line).isNull();
            }
        }
        return samples;
    }

    private static String realServer(int last) {
        return "{virtual_server=\"" + VIRTUAL_SERVER + "\",real_server=\"127.0.0." + last + ":" + REAL_PORT + "\"}";
    }

    /** The cells of the first table row whose leading cells are {@code first}. */
    private static List<String> row(String output, String... first) {
        return output.lines()
                .map(OperatorCommandsIT::cells)
                .filter(cells -> cells.size() >= first.length && cells.subList(0, first.length).equals(List.of(first)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + String.join(" | ", first) + " in:\n" + output));
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.split("\\|")).map(String::strip).toList();
    }

    private static long count(String stats, String counter) {
        return Long.parseLong(row(stats, counter).get(1));
    }
}
