package org.jkeepalived.checker.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Hexadecimal strings read as keepalived.conf(5) describes them. */
class HexPatternTest {

    @Test
    void groupsAreReadTwoDigitsToAByteALoneLastDigitMakingOne() {
        // the example of keepalived.conf(5)
        assertThat(HexPattern.parse("Ab12f 3 456 546443123", false).orElseThrow().bytes())
                .isEqualTo(HexFormat.of().parseHex("ab120f03450654644312" + "03"));
    }

    @Test
    void xIsANibbleThatMayBeAnythingInAReplyOnly() {
        HexPattern pattern = HexPattern.parse("12X4 x", true).orElseThrow();

        assertThat(pattern.toString()).isEqualTo("12X40X");
        assertThat(pattern.matches(HexFormat.of().parseHex("12f40a"))).isTrue();
        assertThat(pattern.matches(HexFormat.of().parseHex("13f40a"))).isFalse();
        assertThat(pattern.matches(HexFormat.of().parseHex("12f4"))).as("a shorter reply is compared on its length").isTrue();
        assertThat(pattern.matches(HexFormat.of().parseHex("12f41aff"))).as("a longer one on the pattern's").isFalse();
        assertThat(HexPattern.parse("12X4", false)).isEmpty();
    }

    @Test
    void anythingButHexadecimalDigitsIsNoPattern() {
        assertThat(HexPattern.parse("12 zz", true)).isEmpty();
        assertThat(HexPattern.parse("  ", true)).isEmpty();
    }
}
