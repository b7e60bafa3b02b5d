package org.jkeepalived.smtpalert.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/** The queue is bounded: when it is full the oldest alert gives way, and the rest still arrive in order. */
class AlertSenderTest {

    @Test
    void aFullQueueDropsTheOldestAlertAndKeepsTheNewestInOrder() throws Exception {
        int port = freePort();
        MailSettings settings = new MailSettings("127.0.0.1", port, "lb1", "lb1@example.com", List.of("ops@example.com"),
                Duration.ofSeconds(2));
        try (AlertSender sender = new AlertSender(new SmtpTransport(), 2, Duration.ofMillis(100), Duration.ofMillis(200))) {
            sender.settings(Optional.of(settings));
            sender.start();
            for (int i = 1; i <= 3; i++) {
                sender.submit(new Alert("alert " + i, "body " + i, Instant.now()));
            }
            assertThat(sender.waiting()).isEqualTo(2);

            GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            try {
                assertThat(mail.waitForIncomingEmail(20_000, 2)).isTrue();
                List<String> subjects = new ArrayList<>();
                for (MimeMessage message : mail.getReceivedMessages()) {
                    subjects.add(message.getSubject());
                }
                assertThat(subjects).containsExactly("alert 2", "alert 3");
            } finally {
                mail.stop();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
