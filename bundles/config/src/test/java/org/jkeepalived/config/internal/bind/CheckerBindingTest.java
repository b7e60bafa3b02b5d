package org.jkeepalived.config.internal.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.api.Configs.messages;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.lvs.CheckerBlock;
import org.jkeepalived.config.api.model.lvs.CheckerSettings;
import org.jkeepalived.config.api.model.lvs.RealServer;
import org.junit.jupiter.api.Test;

/** Checker blocks: the common keywords are the engine's, the rest the plugin's, found by its keyword. */
class CheckerBindingTest {

    private static final Map<String, CheckerFactory> PLUGINS = Map.of(
            "TCP_CHECK", new TestCheckerFactory("TCP_CHECK", Set.of()),
            "HTTP_GET", new TestCheckerFactory("HTTP_GET", Set.of("url", "http_protocol", "fail", "explode")),
            "MISC_CHECK", new TestCheckerFactory("MISC_CHECK", Set.of("misc_path", "misc_timeout")),
            "DNS_CHECK", new TestCheckerFactory("DNS_CHECK", Set.of("type", "name")),
            "FILE_CHECK", new TestCheckerFactory("FILE_CHECK", Set.of("track_file", "weight")));

    private static ConfigResult read(String text) {
        return ConfigReader.builder().configId("main").hostName("lb1").random(new SplittableRandom(1))
                .checkers(keyword -> Optional.ofNullable(PLUGINS.get(keyword))).build().read("keepalived.conf", text);
    }

    private static String virtualServer(String realServerBody) {
        return """
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    delay_loop 30
                    retry 4
                    real_server 10.0.0.2 8080 {
                        connect_timeout 7
                %s
                    }
                }
                """.formatted(realServerBody);
    }

    private static RealServer realServer(ConfigResult result) {
        assertThat(messages(result)).isEmpty();
        return result.config().orElseThrow().virtualServers().get(0).realServers().get(0);
    }

    @Test
    void theCommonKeywordsAreTakenOutOfThePluginsBlock() {
        RealServer server = realServer(read(virtualServer("""
                        HTTP_GET {
                            url {
                                path /
                            }
                            connect_port 8081
                            bindto 10.0.0.9
                            bind_port 5000
                            http_protocol 1.1
                            delay_before_retry 2
                            warmup 5
                            fwmark 0x10
                            alpha
                            log_all_failures
                        }
                """)));

        CheckerBlock checker = server.checkers().get(0);
        assertThat(checker.keyword()).isEqualTo("HTTP_GET");
        assertThat(checker.definition()).contains(new TestCheckerFactory.Definition(List.of("url", "http_protocol")));
        assertThat(checker.block().entries()).extracting(ConfigEntry::keyword).containsExactly("url", "http_protocol");
        assertThat(checker.block().location().line()).isEqualTo(7);
        assertThat(checker.settings()).isEqualTo(new CheckerSettings(Optional.empty(), Optional.of(8081),
                Optional.of(IpLiterals.parse("10.0.0.9").orElseThrow()), Optional.of(5000), Optional.empty(),
                Duration.ofSeconds(7), 16, 4, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30), true, true));
    }

    @Test
    void timersComeFromTheCheckerThenTheRealServerThenTheVirtualServerThenKeepalivedsDefaults() {
        RealServer server = realServer(read(virtualServer("""
                        TCP_CHECK {
                        }
                        HTTP_GET {
                            retry 1
                            delay_loop 5
                        }
                        MISC_CHECK {
                            misc_path /bin/true
                        }
                """)));

        CheckerSettings tcp = server.checkers().get(0).settings();
        assertThat(tcp.connectTimeout()).as("the real server's").isEqualTo(Duration.ofSeconds(7));
        assertThat(tcp.retry()).as("the virtual server's").isEqualTo(4);
        assertThat(tcp.delayLoop()).isEqualTo(Duration.ofSeconds(30));
        assertThat(tcp.delayBeforeRetry()).as("keepalived's default").isEqualTo(Duration.ofSeconds(1));
        assertThat(tcp.warmup()).as("up to delay_loop").isEqualTo(Duration.ofSeconds(30));
        CheckerSettings http = server.checkers().get(1).settings();
        assertThat(http.retry()).isEqualTo(1);
        assertThat(http.delayLoop()).isEqualTo(Duration.ofSeconds(5));
        assertThat(http.delayBeforeRetry()).as("HTTP_GET's default").isEqualTo(Duration.ofSeconds(3));
        assertThat(server.checkers().get(2).settings().retry()).as("the virtual server's, over MISC_CHECK's 0").isEqualTo(4);
    }

    @Test
    void eachCheckerHasItsOwnDefaults() {
        ConfigResult result = read("""
                virtual_server 10.0.0.1 53 {
                    protocol UDP
                    real_server 10.0.0.2 53 {
                        DNS_CHECK {
                            name example.com
                        }
                        MISC_CHECK {
                            misc_path /bin/true
                        }
                        TCP_CHECK {
                        }
                    }
                }
                """);

        List<CheckerBlock> checkers = realServer(result).checkers();
        assertThat(checkers).extracting(c -> c.settings().retry()).containsExactly(3, 0, 1);
        assertThat(checkers).extracting(c -> c.settings().delayBeforeRetry())
                .containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(checkers).extracting(c -> c.settings().connectTimeout()).containsOnly(Duration.ofSeconds(5));
    }

    @Test
    void whatNeitherTheEngineNorThePluginKnowsIsReported() {
        ConfigResult result = read(virtualServer("""
                        HTTP_GET {
                            url_path /
                            connect_ip 10.0.0.300
                            htp_protocol 1.0
                        }
                        MISC_CHECK {
                            connect_ip 10.0.0.3
                            misc_path /bin/true
                        }
                        FILE_CHECK {
                            track_file f
                            connect_timeout 3
                        }
                """));

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:8:13: error: unknown keyword 'url_path' in HTTP_GET",
                "keepalived.conf:9:24: error: connect_ip: '10.0.0.300' is not valid; expected an IPv4 or IPv6 address",
                "keepalived.conf:10:13: error: unknown keyword 'htp_protocol' in HTTP_GET; did you mean 'http_protocol'?",
                "keepalived.conf:13:13: error: 'connect_ip' does not apply to MISC_CHECK",
                "keepalived.conf:18:13: error: 'connect_timeout' does not apply to FILE_CHECK");
        assertThat(result.config()).isEmpty();
    }

    @Test
    void aPluginsOwnErrorsAndFaultsAreReported() {
        ConfigResult result = read(virtualServer("""
                        HTTP_GET {
                            fail now
                        }
                        HTTP_GET {
                            explode
                        }
                """));

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:8:13: error: HTTP_GET cannot use fail [now]",
                "keepalived.conf:10:9: error: the HTTP_GET plugin failed on this block: java.lang.IllegalStateException: plugin bug");
    }

    @Test
    void aBlockWithoutPluginIsKeptUnboundAndReportedOnce() {
        ConfigResult result = read(virtualServer("""
                        SMTP_CHECK {
                            helo_name foo.bar.com
                            connect_timeout 3
                            host {
                                connect_ip 10.0.0.3
                            }
                        }
                        SMTP_CHECK {
                        }
                        REDIS_CHECK {
                            connect_port 6379
                        }
                """));

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:7:9: warning: no checker plugin serves SMTP_CHECK: its blocks are kept, and their checks start "
                        + "once a plugin for SMTP_CHECK is installed",
                "keepalived.conf:16:9: warning: no checker plugin serves REDIS_CHECK: its blocks are kept, and their checks start "
                        + "once a plugin for REDIS_CHECK is installed");
        List<CheckerBlock> checkers = result.config().orElseThrow().virtualServers().get(0).realServers().get(0).checkers();
        assertThat(checkers).hasSize(3).allMatch(CheckerBlock::unbound);
        assertThat(checkers.get(0).block().entries()).extracting(ConfigEntry::keyword).containsExactly("helo_name", "host");
        assertThat(checkers.get(0).settings().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(checkers.get(2).settings().connectPort()).contains(6379);
    }

    @Test
    void aMistypedKeepalivedCheckerIsAnError() {
        ConfigResult result = read(virtualServer("        TCP_CHEK {\n        }"));

        assertThat(messages(result)).containsExactly("keepalived.conf:7:9: error: unknown checker 'TCP_CHEK'; did you mean 'TCP_CHECK'?");
    }

    @Test
    void theOldNameOfRetryStillWorks() {
        ConfigResult result = read(virtualServer("        HTTP_GET {\n            nb_get_retry 9\n        }"));

        assertThat(messages(result)).containsExactly("keepalived.conf:8:13: warning: 'nb_get_retry' is deprecated; use 'retry'");
        assertThat(result.config().orElseThrow().virtualServers().get(0).realServers().get(0).checkers().get(0).settings().retry())
                .isEqualTo(9);
    }

    @Test
    void theSettingsGiveTheCheckersTarget() throws Exception {
        CheckerSettings settings = realServer(read(virtualServer("""
                        TCP_CHECK {
                            connect_ip 10.0.0.3
                            bind_port 4000
                            bind_if eth1
                            fwmark 5
                        }
                """))).checkers().get(0).settings();

        CheckTarget target = settings.target(InetAddress.getByName("10.0.0.2"), 8080);

        assertThat(target.address()).isEqualTo(new InetSocketAddress(InetAddress.getByName("10.0.0.3"), 8080));
        assertThat(target.bindAddress()).contains(new InetSocketAddress(4000));
        assertThat(target.bindInterface()).contains("eth1");
        assertThat(target.fwmark()).isEqualTo(5);
        assertThat(target.connectTimeout()).isEqualTo(Duration.ofSeconds(7));
    }
}
