package org.jkeepalived.checker.misc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.jkeepalived.checker.testkit.CheckerTestKit;
import org.jkeepalived.config.api.Diagnostic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Bad MISC_CHECK blocks: an error at the line, saying what is expected. */
class MiscCheckDiagnosticsTest {

    private static final CheckerTestKit KIT = CheckerTestKit.of(new MiscCheckerFactory());

    @AfterAll
    static void close() {
        KIT.close();
    }

    @Test
    void aGoodBlockHasNoDiagnostics() {
        assertThat(KIT.diagnostics("MISC_CHECK {\n  misc_path \"/usr/local/bin/check --port 80\"\n  misc_timeout 5\n"
                + "  misc_dynamic\n  user nobody nogroup\n  retry 2\n  delay_loop 10\n}")).isEmpty();
    }

    @Test
    void badValuesAreErrorsAtTheirLine() {
        assertThat(KIT.diagnostics("MISC_CHECK {\n  misc_path \"/bin/check 'unclosed\"\n  misc_timeout soon\n"
                + "  misc_dynamic yes\n  user a b c\n}"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(
                        tuple(2, "misc_path has a quote that is not closed"),
                        tuple(3, "misc_timeout is a number of seconds from 0.001 to 86400, not 'soon'"),
                        tuple(4, "misc_dynamic takes no value"),
                        tuple(5, "user takes a user name and optionally a group name: user USER [GROUP]"));
        assertThat(KIT.diagnostics("MISC_CHECK {\n  misc_path /bin/true\n  misc_timeout 0\n}"))
                .extracting(Diagnostic::line).containsExactly(3);
    }

    @Test
    void theProgramIsRequiredAndConnectionKeywordsDoNotApply() {
        assertThat(KIT.diagnostics("MISC_CHECK {\n  misc_timeout 5\n}"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(tuple(1, "MISC_CHECK needs the program to run: misc_path \"/path/to/check arguments\""));
        assertThat(KIT.diagnostics("MISC_CHECK {\n  misc_path /bin/true\n  connect_port 80\n}"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(tuple(3, "'connect_port' does not apply to MISC_CHECK"));
    }
}
