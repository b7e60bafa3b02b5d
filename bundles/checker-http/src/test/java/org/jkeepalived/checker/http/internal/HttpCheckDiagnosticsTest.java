package org.jkeepalived.checker.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;

import org.jkeepalived.checker.testkit.CheckerTestKit;
import org.jkeepalived.config.api.Diagnostic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every bad value of an HTTP_GET or SSL_GET block is an error at its line, saying what is expected. */
class HttpCheckDiagnosticsTest {

    private static final CheckerTestKit KIT = CheckerTestKit.of(new HttpGetCheckerFactory(), new SslGetCheckerFactory());

    @AfterAll
    static void close() {
        KIT.close();
    }

    private static List<Diagnostic> diagnostics(String block) {
        return KIT.diagnostics(block);
    }

    @Test
    void aGoodBlockHasNoDiagnostics() {
        assertThat(diagnostics("SSL_GET {\n  http_protocol 1.0c\n  virtualhost www.example.test\n  enable_sni\n  fast_recovery off\n"
                + "  tls_compliant\n  url {\n    path /\n    digest 9B3A0C85A887A256D6939DA88AABD8CD\n    status_code 200-299 401 503\n"
                + "    virtualhost a.example.test\n    regex \"ok|fine\"\n    regex_no_match\n    regex_options caseless multiline\n"
                + "    regex_min_offset 0\n    regex_max_offset 4096\n    regex_stack 32768 65536\n  }\n  connect_timeout 3\n}"))
                .isEmpty();
    }

    @Test
    void statusCodesOutOfRangeOrBackwardsAreErrors() {
        assertThat(diagnostics("HTTP_GET {\n  url {\n    path /\n    status_code 200 99 300-200 abc 600\n  }\n}"))
                .extracting(Diagnostic::line, Diagnostic::column, Diagnostic::message)
                .containsExactly(
                        tuple(4, 21, "'99' is not a status code or range from 100 to 599"),
                        tuple(4, 24, "'300-200' is not a status code or range from 100 to 599"),
                        tuple(4, 32, "'abc' is not a status code or range from 100 to 599"),
                        tuple(4, 36, "'600' is not a status code or range from 100 to 599"));
    }

    @Test
    void aDigestIsThirtyTwoHexadecimalDigitsGivenOnce() {
        assertThat(diagnostics("HTTP_GET {\n  url {\n    path /\n    digest 9b3a0c85a887a256d6939da88aabd8c\n  }\n}"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(tuple(4, "digest is an MD5 digest of 32 hexadecimal digits as genhash prints it,"
                        + " not '9b3a0c85a887a256d6939da88aabd8c'"));
        assertThat(diagnostics("HTTP_GET {\n  url {\n    path /\n    digest 9b3a0c85a887a256d6939da88aabd8zz\n  }\n}"))
                .extracting(Diagnostic::line).containsExactly(4);
        assertThat(diagnostics("HTTP_GET {\n  url {\n    path /\n    digest 9b3a0c85a887a256d6939da88aabd8cd\n"
                + "    digest 9b3a0c85a887a256d6939da88aabd8cd\n  }\n}"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(tuple(5, "digest is given twice in this url"));
    }

    @Test
    void aBlockNeedsUrlsAndAUrlNeedsAPath() {
        assertThat(diagnostics("HTTP_GET {\n  connect_timeout 3\n}"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(tuple(1, "HTTP_GET needs at least one url block: url { path /health }"));
        assertThat(diagnostics("HTTP_GET {\n  url {\n    status_code 200\n  }\n}"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(tuple(2, "url needs a path: path /health"));
        assertThat(diagnostics("HTTP_GET {\n  url /health\n}"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .contains(tuple(2, "url opens a block: url { path /health }"));
    }

    @Test
    void unknownKeywordsAreErrorsInTheBlockAndInItsUrls() {
        assertThat(diagnostics("HTTP_GET {\n  http_version 1.1\n  url {\n    path /\n  }\n}"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(tuple(2, "unknown keyword 'http_version' in HTTP_GET"));
        assertThat(diagnostics("HTTP_GET {\n  url {\n    path /\n    status 200\n  }\n}"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(tuple(4, "unknown keyword 'status' in url; expected one of digest, path, regex, regex_max_offset,"
                        + " regex_min_offset, regex_no_match, regex_options, regex_stack, status_code, tls_compliant, virtualhost"));
    }

    @Test
    void badSettingsOfTheBlockAreErrors() {
        assertThat(diagnostics("HTTP_GET {\n  http_protocol 2.0\n  fast_recovery maybe\n  url {\n    path /\n  }\n}"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(
                        tuple(2, "http_protocol is 1.0, 1.0C or 1.1, not '2.0'"),
                        tuple(3, "fast_recovery is true/on/yes or false/off/no, not 'maybe'"));
    }

    @Test
    void sslOnlySettingsInHttpGetAreWarnings() {
        assertThat(diagnostics("HTTP_GET {\n  enable_sni\n  url {\n    path /\n  }\n}"))
                .extracting(Diagnostic::isError, Diagnostic::line, Diagnostic::message)
                .containsExactly(tuple(false, 2, "enable_sni applies to SSL_GET only; HTTP_GET ignores it"));
    }

    @Test
    void regexSettingsNeedARegexThatCompilesWithOptionsJavaHas() {
        assertThat(diagnostics("HTTP_GET {\n  url {\n    path /\n    regex_no_match\n    regex_max_offset 10\n  }\n}"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(
                        tuple(4, "regex_no_match needs a regex in the same url block"),
                        tuple(5, "regex_max_offset needs a regex in the same url block"));
        assertThat(diagnostics("HTTP_GET {\n  url {\n    path /\n    regex \"(unclosed\"\n  }\n}"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(tuple(4, "invalid regex: Unclosed group at index 9 of '(unclosed'"));
        assertThat(diagnostics("HTTP_GET {\n  url {\n    path /\n    regex ok\n    regex_options caseless ungreedy sideways\n  }\n}"))
                .extracting(Diagnostic::line, Diagnostic::column, Diagnostic::message)
                .containsExactly(
                        tuple(5, 28, "regex option 'ungreedy' has no equivalent in Java's regular expressions; rewrite the regex without it"),
                        tuple(5, 37, "unknown regex option 'sideways'"));
        assertThat(diagnostics("HTTP_GET {\n  url {\n    path /\n    regex ok\n    regex_min_offset 20\n    regex_max_offset 10\n  }\n}"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(tuple(5, "regex_min_offset 20 is beyond regex_max_offset 10"));
        assertThat(diagnostics("HTTP_GET {\n  url {\n    path /\n    regex ok\n    regex_min_offset -1\n    regex_stack 10\n  }\n}"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(
                        tuple(5, "regex_min_offset is a byte offset from 0, not '-1'"),
                        tuple(6, "regex_stack takes a start and a maximum size in bytes"));
    }
}
