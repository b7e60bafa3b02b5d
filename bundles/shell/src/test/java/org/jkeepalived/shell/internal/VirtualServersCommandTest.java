package org.jkeepalived.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.jkeepalived.lvs.api.RealServerStatus;
import org.jkeepalived.lvs.api.VirtualServerStatus;
import org.junit.jupiter.api.Test;

class VirtualServersCommandTest {

    @Test
    void listsEachVirtualServerThenEachRealServerWithItsWeightsHealthAndCheckers() {
        VirtualServerStatus web = new VirtualServerStatus("[192.0.2.1]:tcp:80", "tcp", "wrr", "NAT", true, 4, 1, 0,
                Optional.of("192.0.2.99:80"), false, List.of(
                        new RealServerStatus("10.0.0.1:8080", 3, OptionalInt.of(4), true, List.of("HTTP_GET up")),
                        new RealServerStatus("10.0.0.2:8080", 2, OptionalInt.empty(), false,
                                List.of("TCP_CHECK down", "MISC_CHECK up"))));
        VirtualServerStatus dns = new VirtualServerStatus("FWM 5", "any", "rr", "DR", false, 0, 2, 1,
                Optional.of("192.0.2.98:53"), true, List.of(new RealServerStatus("[2001:db8::5]:53", 1, OptionalInt.empty(), false,
                        List.of("DNS_CHECK down"))));

        List<String> lines = print(List.of(web, dns)).lines().toList();

        assertThat(lines.get(0)).containsSubsequence("Virtual server", "Protocol", "lb_algo", "lb_kind", "Quorum", "Sorry server",
                "Real servers up");
        assertThat(lines).anySatisfy(line -> assertThat(line).containsSubsequence("[192.0.2.1]:tcp:80", "tcp", "wrr", "NAT",
                "up (live weight 4, quorum 1)", "192.0.2.99:80 standing by", "1/2"));
        assertThat(lines).anySatisfy(line -> assertThat(line).containsSubsequence("FWM 5", "any", "rr", "DR",
                "down (live weight 0, quorum 2, hysteresis 1)", "192.0.2.98:53 in use", "0/1"));
        assertThat(lines).anySatisfy(line -> assertThat(line).containsSubsequence("Real server", "Weight", "Data plane weight",
                "Health", "Checkers"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(".*\\[192\\.0\\.2\\.1]:tcp:80 +\\| 10\\.0\\.0\\.1:8080 +\\| +3 "
                + "\\| +4 \\| up +\\| HTTP_GET up.*"));
        assertThat(lines).anySatisfy(line -> assertThat(line).containsSubsequence("10.0.0.2:8080", "2", "absent", "down",
                "TCP_CHECK down, MISC_CHECK up"));
        assertThat(lines).anySatisfy(line -> assertThat(line).containsSubsequence("FWM 5", "[2001:db8::5]:53", "1", "absent", "down",
                "DNS_CHECK down"));
    }

    @Test
    void saysSoWhenNoVirtualServerIsConfigured() {
        assertThat(print(List.of())).isEqualTo("No virtual server is configured\n");
    }

    private static String print(List<VirtualServerStatus> servers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VirtualServersCommand.print(servers, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
