package org.jkeepalived.smtpalert.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The mail's text, byte for byte, and the envelope addresses taken from what the configuration writes. */
class MailTextTest {

    private static final MailSettings SETTINGS = new MailSettings("192.0.2.25", 25, "lb1.example.com",
            "Balancer <lb1@example.com>", List.of("ops@example.com", "Duty <duty@example.com>"), Duration.ofSeconds(30));

    @Test
    void theHeadersAreKeepalivedsWithOurMailerThenTheBody() {
        Alert alert = new Alert("[lb1] VRRP Instance VI_1 - Entering MASTER state", "=> VRRP Instance is now owning VRRP VIPs <=",
                Instant.parse("2026-03-01T12:34:56Z"));

        assertThat(MailText.compose(SETTINGS, alert, ZoneId.of("+01:00"))).isEqualTo(
                "Date: Sun, 1 Mar 2026 13:34:56 +0100\r\n"
                        + "From: Balancer <lb1@example.com>\r\n"
                        + "Subject: [lb1] VRRP Instance VI_1 - Entering MASTER state\r\n"
                        + "X-Mailer: jkeepalived\r\n"
                        + "To: ops@example.com, Duty <duty@example.com>\r\n"
                        + "\r\n"
                        + "=> VRRP Instance is now owning VRRP VIPs <=\r\n");
    }

    @Test
    void theEnvelopeCarriesTheAddressWithoutItsDisplayName() {
        assertThat(MailAddresses.envelope("ops@example.com")).isEqualTo("ops@example.com");
        assertThat(MailAddresses.envelope("My admin <admin@example2.com>")).isEqualTo("admin@example2.com");
        assertThat(MailAddresses.envelope(" <root@localhost> ")).isEqualTo("root@localhost");
    }

    @Test
    void anIpv6ServerIsNamedInBrackets() {
        assertThat(SETTINGS.server()).isEqualTo("192.0.2.25:25");
        assertThat(new MailSettings("2001:db8::25", 2525, "h", "f", List.of("t"), Duration.ofSeconds(1)).server())
                .isEqualTo("[2001:db8::25]:2525");
    }
}
