package org.jkeepalived.checker.misc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** misc_path split into words as keepalived splits a script's command. */
class CommandLineTest {

    @Test
    void wordsAreSeparatedBySpacesAndTabs() {
        assertThat(CommandLine.split("  /bin/check\t--port  80 ")).hasValue(java.util.List.of("/bin/check", "--port", "80"));
    }

    @Test
    void quotesGroupAndBackslashesEscape() {
        assertThat(CommandLine.split("/bin/check 'a b' \"c 'd'\" e\\ f \"g\\\"h\" 'i\\j'"))
                .hasValue(java.util.List.of("/bin/check", "a b", "c 'd'", "e f", "g\"h", "i\\j"));
        assertThat(CommandLine.split("/bin/check '' x")).hasValue(java.util.List.of("/bin/check", "", "x"));
    }

    @Test
    void anUnclosedQuoteIsNoCommand() {
        assertThat(CommandLine.split("/bin/check 'open")).isEmpty();
    }
}
