package org.jkeepalived.itests.distribution;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jkeepalived.testing.netns.Links;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution mails keepalived's alert when its instance becomes master, to an SMTP server
 * (GreenMail) on the loopback of the distribution's own namespace.
 */
class SmtpAlertIT {

    private static final int SMTP_PORT = 2525;

    @TempDir
    Path directory;

    @Test
    void becomingMasterIsMailedToTheNotificationEmails() throws Exception {
        NetworkNamespace peer = NetworkNamespace.create();
        try (peer; Distribution jkeepalived = Distribution.unpack(directory)) {
            NetworkNamespace host = jkeepalived.namespace();
            Links.veth(host, "eth0", peer, "eth0");
            host.execOrFail("ip", "addr", "add", "192.0.2.1/24", "dev", "eth0");
            GreenMail mail = host.call(() -> {
                GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                server.start();
                return server;
            });
            try {
                Path conf = Files.writeString(directory.resolve("keepalived.conf"), """
                        global_defs {
                            router_id lb-it
                            notification_email {
                                ops@example.com
                            }
                            notification_email_from lb-it@example.com
                            smtp_server 127.0.0.1 %d
                            smtp_connect_timeout 5
                        }
                        vrrp_instance VI_1 {
                            state MASTER
                            interface eth0
                            virtual_router_id 51
                            priority 150
                            advert_int 1
                            smtp_alert
                            virtual_ipaddress {
                                192.0.2.100/24 dev eth0
                            }
                        }
                        """.formatted(SMTP_PORT));
                jkeepalived.start(directory.resolve("console.out"), "-n", "-f", conf.toString(),
                        "-p", directory.resolve("keepalived.pid").toString());

                // The instance starts as a backup, mailed as such, and takes over: that is mailed too.
                String masterSubject = "[lb-it] VRRP Instance VI_1 - Entering MASTER state";
                await().atMost(180, SECONDS).pollInterval(Duration.ofMillis(500))
                        .until(() -> Arrays.stream(mail.getReceivedMessages()).anyMatch(m -> subject(m).equals(masterSubject)));
                MimeMessage message = Arrays.stream(mail.getReceivedMessages())
                        .filter(m -> subject(m).equals(masterSubject)).findFirst().orElseThrow();
                assertThat(GreenMailUtil.getBody(message).strip()).isEqualTo("=> VRRP Instance is now owning VRRP VIPs <=");
                assertThat(message.getHeader("From")).containsExactly("lb-it@example.com");
                assertThat(message.getHeader("To")).containsExactly("ops@example.com");
            } finally {
                mail.stop();
            }
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
