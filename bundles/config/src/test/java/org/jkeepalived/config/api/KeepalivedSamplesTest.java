package org.jkeepalived.config.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.lvs.CheckerBlock;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.config.api.model.vrrp.VrrpAuthentication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * keepalived's own sample configurations: each is read as it is, and either runs or is refused with
 * the precise reason. Two are refused: one has instances listed outside a group block and a
 * per-instance sync daemon; one has rule addresses that are not addresses ("192.168.100./24"),
 * which keepalived rejects as well (net_namespace, in the conditional sample, is refused too).
 */
class KeepalivedSamplesTest {

    private static final Path SAMPLES = Path.of(System.getProperty("jkeepalived.shared", "../../../shared"),
            "conformance/keepalived-samples");

    /** The errors each sample gives, for each config id it is read with; none when it runs. */
    private static final Map<String, List<String>> ERRORS = Map.ofEntries(
            Map.entry("keepalived.conf.conditional_conf@high", List.of(
                    "3:7: error: 'net_namespace' is not supported yet: run jkeepalived in the namespace with -s NAME")),
            Map.entry("keepalived.conf.conditional_conf@low", List.of(
                    "4:6: error: 'net_namespace' is not supported yet: run jkeepalived in the namespace with -s NAME")),
            Map.entry("keepalived.conf.vrrp.lvs_syncd", List.of(
                    "4:3: error: unknown keyword 'VI_2' in vrrp_sync_group VG1",
                    "5:3: error: unknown keyword 'VI_3' in vrrp_sync_group VG1",
                    "11:5: error: 'lvs_sync_daemon_interface' is not supported yet: deprecated for global_defs' "
                            + "lvs_sync_daemon, and the IPVS connection sync daemon is not managed")),
            Map.entry("keepalived.conf.vrrp.rules", List.of(
                    "11:8: error: static_rules: '192.168.100./24' is not valid; expected an IPv4 or IPv6 address with an "
                            + "optional /PREFIX_LENGTH",
                    "26:12: error: virtual_rules: '192.168.200./24' is not valid; expected an IPv4 or IPv6 address with an "
                            + "optional /PREFIX_LENGTH")));

    /** What a sample that runs must have bound, to tell a right reading from an empty one. */
    private static final Map<String, Consumer<KeepalivedConfig>> CHECKS = Map.ofEntries(
            Map.entry("keepalived.conf.HTTP_GET.port", config -> assertThat(checker(config, 0, 0).settings().connectPort())
                    .contains(444)),
            Map.entry("keepalived.conf.IPv6", config -> assertThat(config.virtualServerGroup("IPv6_group").orElseThrow()
                    .entries()).hasSize(2)),
            Map.entry("keepalived.conf.PING_CHECK", config -> assertThat(checker(config, 0, 0).settings().retry()).isEqualTo(4)),
            Map.entry("keepalived.conf.SSL_GET", config -> assertThat(config.vrrpInstances().get(0).authentication())
                    .contains(new VrrpAuthentication(VrrpAuthentication.Type.AH, "1111"))),
            Map.entry("keepalived.conf.SMTP_CHECK", config -> assertThat(config.virtualServers().get(0).realServers()).hasSize(3)),
            Map.entry("keepalived.conf.UDP_CHECK", config -> assertThat(checker(config, 0, 0).keyword()).isEqualTo("UDP_CHECK")),
            Map.entry("keepalived.conf.fwmark", config -> assertThat(config.virtualServers().get(0).realServers())
                    .extracting(r -> r.port()).containsExactly(0, 0)),
            Map.entry("keepalived.conf.inhibit", config -> assertThat(config.virtualServers().get(0).realServers().get(0)
                    .inhibitOnFailure()).isTrue()),
            Map.entry("keepalived.conf.misc_check", config -> assertThat(checker(config, 0, 0).keyword()).isEqualTo("MISC_CHECK")),
            Map.entry("keepalived.conf.misc_check_arg", config -> assertThat(checker(config, 0, 0).block().entries().get(0)
                    .arguments()).containsExactly("/usr/local/bin/script.sh arg1 arg2")),
            Map.entry("keepalived.conf.quorum", config -> {
                VirtualServer server = config.virtualServers().get(0);
                assertThat(server.quorum()).isEqualTo(7);
                assertThat(server.hysteresis()).isEqualTo(2);
                assertThat(server.alpha()).isTrue();
                assertThat(server.omega()).isTrue();
                assertThat(server.realServers()).hasSize(10);
            }),
            Map.entry("keepalived.conf.sample", config -> assertThat(config.virtualServers().get(0).sorryServer()).isPresent()),
            Map.entry("keepalived.conf.status_code", config -> assertThat(checker(config, 0, 0).block().entries()).hasSize(2)),
            Map.entry("keepalived.conf.track_interface", config -> assertThat(config.staticRoutes()).hasSize(4)),
            Map.entry("keepalived.conf.virtual_server_group", config -> assertThat(config.virtualServerGroup("VSG_1")
                    .orElseThrow().entries()).hasSize(6)),
            Map.entry("keepalived.conf.virtualhost", config -> assertThat(config.virtualServers().get(0).virtualhost())
                    .contains("www.firewall.loc")),
            Map.entry("keepalived.conf.vrrp", config -> assertThat(config.vrrpInstances()).hasSize(4)),
            Map.entry("keepalived.conf.vrrp.localcheck", config -> {
                assertThat(config.vrrpInstances()).hasSize(9);
                assertThat(config.vrrpScripts()).hasSize(5);
            }),
            Map.entry("keepalived.conf.vrrp.routes", config -> assertThat(config.vrrpInstances().get(0).virtualRoutes()).hasSize(7)),
            Map.entry("keepalived.conf.vrrp.scripts", config -> assertThat(config.syncGroup("G1").orElseThrow().instances())
                    .containsExactly("VI_2", "VI_3")),
            Map.entry("keepalived.conf.vrrp.static_ipaddress", config -> assertThat(config.staticAddresses()).hasSize(3)),
            Map.entry("keepalived.conf.vrrp.sync", config -> assertThat(config.syncGroups()).hasSize(2)));

    static Stream<Arguments> samples() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "the keepalived samples are not at " + SAMPLES + " (set jkeepalived.shared)");
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.map(file -> file.getFileName().toString()).sorted()
                    .flatMap(name -> name.endsWith("conditional_conf")
                            ? Stream.of(Arguments.of(name, "high"), Arguments.of(name, "low"))
                            : Stream.of(Arguments.of(name, "main")))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} -i {1}")
    @MethodSource("samples")
    void eachSampleRunsOrIsRefusedWithThePreciseReason(String sample, String configId) {
        Path file = SAMPLES.resolve(sample);
        ConfigResult result = ConfigReader.builder().configId(configId).hostName("lb1").build().read(file);
        String key = ERRORS.containsKey(sample + "@" + configId) ? sample + "@" + configId : sample;

        List<String> errors = result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString).toList();
        assertThat(errors).containsExactlyElementsOf(ERRORS.getOrDefault(key, List.of()).stream()
                .map(error -> file + ":" + error).toList());
        if (!ERRORS.containsKey(key)) {
            assertThat(CHECKS).as("what %s binds is checked", sample).containsKey(sample);
            CHECKS.get(sample).accept(result.config().orElseThrow());
        }
    }

    private static CheckerBlock checker(KeepalivedConfig config, int virtualServer, int realServer) {
        return config.virtualServers().get(virtualServer).realServers().get(realServer).checkers().get(0);
    }
}
