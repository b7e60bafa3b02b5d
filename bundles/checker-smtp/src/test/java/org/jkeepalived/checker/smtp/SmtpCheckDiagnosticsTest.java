package org.jkeepalived.checker.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.jkeepalived.checker.testkit.CheckerTestKit;
import org.jkeepalived.config.api.Diagnostic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Bad SMTP_CHECK blocks: an error at the line, saying what is expected; host blocks are read with a warning. */
class SmtpCheckDiagnosticsTest {

    private static final CheckerTestKit KIT = CheckerTestKit.of(new SmtpCheckerFactory());

    @AfterAll
    static void close() {
        KIT.close();
    }

    @Test
    void aGoodBlockHasNoDiagnosticsAndAHostBlockAWarning() {
        assertThat(KIT.diagnostics("SMTP_CHECK {\n  helo_name \"lb1.example.test\"\n  connect_timeout 3\n}")).isEmpty();
        assertThat(KIT.diagnostics("SMTP_CHECK {\n  host {\n    connect_ip 192.0.2.25\n    connect_port 25\n    bindto 2001:db8::1\n"
                + "    bind_port 2525\n    connect_timeout 1.5\n    fwmark 7\n    bind_if eth0\n  }\n}"))
                .extracting(Diagnostic::isError, Diagnostic::line, Diagnostic::message)
                .containsExactly(tuple(false, 2, "host blocks are deprecated, as in keepalived: write one SMTP_CHECK per server"));
    }

    @Test
    void badSettingsAreErrors() {
        assertThat(KIT.diagnostics("SMTP_CHECK {\n  helo_name\n  host {\n    connect_ip mail.example.test\n    connect_port 0\n"
                + "    retry 3\n    helo_name x\n  }\n}"))
                .filteredOn(Diagnostic::isError)
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(
                        tuple(2, "helo_name takes exactly one value"),
                        tuple(4, "connect_ip is an IPv4 or IPv6 address, not 'mail.example.test'"),
                        tuple(5, "connect_port is a port from 1 to 65535, not '0'"),
                        tuple(6, "retry applies to the whole SMTP_CHECK; write it outside the host block"),
                        tuple(7, "unknown keyword 'helo_name' in host; expected one of bind_if, bind_port, bindto, connect_ip,"
                                + " connect_port, connect_timeout, fwmark"));
    }
}
