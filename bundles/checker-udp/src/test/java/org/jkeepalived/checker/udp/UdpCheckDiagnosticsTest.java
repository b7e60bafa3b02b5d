package org.jkeepalived.checker.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.jkeepalived.checker.testkit.CheckerTestKit;
import org.jkeepalived.config.api.Diagnostic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Bad UDP_CHECK blocks: an error at the line, saying what is expected. */
class UdpCheckDiagnosticsTest {

    private static final CheckerTestKit KIT = CheckerTestKit.of(new UdpCheckerFactory());

    @AfterAll
    static void close() {
        KIT.close();
    }

    @Test
    void aGoodBlockHasNoDiagnostics() {
        assertThat(KIT.diagnostics("UDP_CHECK {\n  payload 0a1b 2c\n  require_reply 0a XX\n  min_reply_length 2\n"
                + "  max_reply_length 512\n}")).isEmpty();
    }

    @Test
    void badValuesAreErrors() {
        assertThat(KIT.diagnostics("UDP_CHECK {\n  payload 0x12\n  require_reply 12 G0\n  min_reply_length -1\n"
                + "  max_reply_length 70000\n}"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(
                        tuple(2, "payload is groups of hexadecimal digits, not '0x12'"),
                        tuple(3, "require_reply is groups of hexadecimal digits (X for a nibble that may be anything), not '12 G0'"),
                        tuple(4, "min_reply_length is a number of bytes from 0 to 65535, not '-1'"),
                        tuple(5, "max_reply_length is a number of bytes from 0 to 65535, not '70000'"));
        assertThat(KIT.diagnostics("UDP_CHECK {\n  require_reply\n  min_reply_length 10\n  max_reply_length 5\n}"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(tuple(3, "min_reply_length 10 is above max_reply_length 5: no reply could pass"));
        assertThat(KIT.diagnostics("UDP_CHECK {\n  max_reply_length 5\n}"))
                .extracting(Diagnostic::isError, Diagnostic::message)
                .containsExactly(tuple(false, "max_reply_length has no effect without require_reply"));
    }
}
