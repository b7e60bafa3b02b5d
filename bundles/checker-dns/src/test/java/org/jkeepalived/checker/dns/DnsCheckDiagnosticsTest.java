package org.jkeepalived.checker.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.jkeepalived.checker.testkit.CheckerTestKit;
import org.jkeepalived.config.api.Diagnostic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Bad DNS_CHECK blocks: an error at the line, saying what is expected. */
class DnsCheckDiagnosticsTest {

    private static final CheckerTestKit KIT = CheckerTestKit.of(new DnsCheckerFactory());

    @AfterAll
    static void close() {
        KIT.close();
    }

    @Test
    void aGoodBlockHasNoDiagnostics() {
        assertThat(KIT.diagnostics("DNS_CHECK {\n  type txt\n  name _service.example.test.\n  retry 3\n}")).isEmpty();
    }

    @Test
    void badTypesAndNamesAreErrors() {
        assertThat(KIT.diagnostics("DNS_CHECK {\n  type PTR\n  name www..example.test\n}"))
                .extracting(Diagnostic::line, Diagnostic::column, Diagnostic::message)
                .containsExactly(
                        tuple(2, 8, "type is one of A, NS, CNAME, SOA, MX, TXT, AAAA, not 'PTR'"),
                        tuple(3, 8, "name 'www..example.test' has a label that is empty or longer than 63 characters"));
        assertThat(KIT.diagnostics("DNS_CHECK {\n  name " + "a".repeat(64) + ".test\n}"))
                .extracting(Diagnostic::line).containsExactly(2);
        assertThat(KIT.diagnostics("DNS_CHECK {\n  type A AAAA\n}"))
                .extracting(Diagnostic::line, Diagnostic::message).containsExactly(tuple(2, "type takes exactly one value"));
    }
}
