package org.jkeepalived.smtpalert.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jkeepalived.smtpalert.internal.Events.config;
import static org.jkeepalived.smtpalert.internal.Events.health;
import static org.jkeepalived.smtpalert.internal.Events.instance;
import static org.jkeepalived.smtpalert.internal.Events.tcp;
import static org.jkeepalived.smtpalert.internal.Events.update;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jkeepalived.core.api.watchdog.StuckLoop;
import org.jkeepalived.healthcheck.api.HealthEvent;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.jkeepalived.vrrp.api.VrrpState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The component against GreenMail, a real SMTP server on loopback: what arrives, to whom, when alerts
 * are off, and what happens while the server is down or silent.
 */
class SmtpAlertComponentTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private SmtpAlertComponent alerts;

    @BeforeEach
    void start() {
        alerts = new SmtpAlertComponent(Duration.ofMillis(100), Duration.ofMillis(400));
        alerts.activate();
    }

    @AfterEach
    void stop() {
        alerts.deactivate();
    }

    @Test
    void aVrrpTransitionArrivesWithKeepalivedsSubjectAndBodyFromTheSenderToEveryRecipient() throws Exception {
        alerts.configApplied(update(config(configText(MAIL.getSmtp().getPort(), "", "smtp_alert", "")), 1));

        alerts.stateChanged(instance("VI_1", VrrpState.BACKUP, VrrpState.MASTER));

        assertThat(MAIL.waitForIncomingEmail(ARRIVAL.toMillis(), 1)).isTrue();
        MimeMessage message = MAIL.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("[lb1] VRRP Instance VI_1 - Entering MASTER state");
        assertThat(GreenMailUtil.getBody(message).strip()).isEqualTo("=> VRRP Instance is now owning VRRP VIPs <=");
        assertThat(message.getFrom()).containsExactly(new InternetAddress("Balancer <lb1@example.com>"));
        assertThat(addresses(message.getRecipients(Message.RecipientType.TO)))
                .containsExactly("ops@example.com", "duty@example.net");
        assertThat(message.getHeader("X-Mailer")).containsExactly("jkeepalived");
        assertThat(message.getSentDate()).isNotNull();
        assertThat(inbox("ops@example.com")).hasSize(1);
        assertThat(inbox("duty@example.net")).hasSize(1);
    }

    @Test
    void aWatchdogRestartArrivesNamingTheLoopAndHowLongItWasStuckWhateverSmtpAlertSays() throws Exception {
        alerts.configApplied(update(config(configText(MAIL.getSmtp().getPort(), "smtp_alert off", "", "")), 1));

        alerts.subsystemRestarted(new StuckLoop("vrrp", "vrrp", Duration.ofMillis(3120), Instant.now()), true);
        alerts.subsystemRestarted(new StuckLoop("checkers", "checker-2", Duration.ofMillis(4000), Instant.now()), false);

        assertThat(subjectsAndBodies(awaitOpsInbox(2))).containsExactly(
                "[lb1] Watchdog - vrrp restarted | => loop vrrp of vrrp did not answer the watchdog for 3120 ms;"
                        + " restarted on a fresh loop <=",
                "[lb1] Watchdog - checkers NOT restarted | => loop checker-2 of checkers did not answer the watchdog"
                        + " for 4000 ms; the restart failed, see the log <=");
    }

    @Test
    void aRealServerGoingDownThenUpArrivesInThatOrder() throws Exception {
        alerts.configApplied(update(config(configText(MAIL.getSmtp().getPort(), "", "", "")), 1));
        RealServerKey key = tcp("10.0.0.1", 80, "10.0.0.2", 80);

        alerts.healthChanged(health(key, HealthEvent.Kind.DOWN, "TCP_CHECK", "connection refused"));
        alerts.healthChanged(health(key, HealthEvent.Kind.UP, "TCP_CHECK", ""));

        List<String> toOps = subjectsAndBodies(awaitOpsInbox(2));
        assertThat(toOps).containsExactly(
                "[lb1] Realserver [10.0.0.2]:tcp:80 of virtual server [10.0.0.1]:tcp:80 - DOWN | "
                        + "=> TCP CHECK failed on service : connection refused <=",
                "[lb1] Realserver [10.0.0.2]:tcp:80 of virtual server [10.0.0.1]:tcp:80 - UP | "
                        + "=> TCP CHECK succeed on service <=");
    }

    @Test
    void withSmtpAlertOffNothingIsSentAndAnInstanceCanTurnItOn() throws Exception {
        // Global smtp_alert off; VI_1 says nothing, VI_2 turns it on for itself; the real server follows the global.
        alerts.configApplied(update(config(configText(MAIL.getSmtp().getPort(), "smtp_alert off", "", "smtp_alert on")), 1));

        alerts.stateChanged(instance("VI_1", VrrpState.BACKUP, VrrpState.MASTER));
        alerts.healthChanged(health(tcp("10.0.0.1", 80, "10.0.0.2", 80), HealthEvent.Kind.DOWN, "TCP_CHECK", "timeout"));
        alerts.stateChanged(instance("VI_2", VrrpState.BACKUP, VrrpState.MASTER));

        // Alerts leave in order: had either of the first two been sent, it would have arrived first.
        assertThat(subjects(awaitOpsInbox(1)))
                .containsExactly("[lb1] VRRP Instance VI_2 - Entering MASTER state");
    }

    @Test
    void anInstanceCanTurnOffWhatTheGlobalTurnsOn() throws Exception {
        alerts.configApplied(update(config(configText(MAIL.getSmtp().getPort(), "smtp_alert_vrrp on", "smtp_alert off", "")), 1));

        alerts.stateChanged(instance("VI_1", VrrpState.BACKUP, VrrpState.MASTER));
        alerts.stateChanged(instance("VI_2", VrrpState.BACKUP, VrrpState.MASTER));

        assertThat(subjects(awaitOpsInbox(1)))
                .containsExactly("[lb1] VRRP Instance VI_2 - Entering MASTER state");
    }

    @Test
    void withNoEmailFaultsAFaultIsNotMailedNorTheReturnToTheStateLastMailed() throws Exception {
        alerts.configApplied(update(config(configText(MAIL.getSmtp().getPort(), "no_email_faults", "smtp_alert", "")), 1));

        alerts.stateChanged(instance("VI_1", VrrpState.BACKUP, VrrpState.MASTER));
        alerts.stateChanged(instance("VI_1", VrrpState.MASTER, VrrpState.FAULT));
        alerts.stateChanged(instance("VI_1", VrrpState.FAULT, VrrpState.MASTER));
        alerts.stateChanged(instance("VI_1", VrrpState.MASTER, VrrpState.BACKUP));

        assertThat(subjects(awaitOpsInbox(2))).containsExactly(
                "[lb1] VRRP Instance VI_1 - Entering MASTER state", "[lb1] VRRP Instance VI_1 - Entering BACKUP state");
    }

    @Test
    void anAlertRaisedWhileTheServerIsDownArrivesOnceItIsUp() throws Exception {
        int port = freePort();
        alerts.configApplied(update(config(configText(port, "", "smtp_alert", "")), 1));

        alerts.stateChanged(instance("VI_1", VrrpState.BACKUP, VrrpState.MASTER));
        Thread.sleep(500); // a few refused attempts
        assertThat(alerts.waiting()).as("kept while the server is down").isEqualTo(1);

        GreenMail late = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        late.start();
        try {
            assertThat(late.waitForIncomingEmail(ARRIVAL.toMillis(), 1)).isTrue();
            assertThat(late.getReceivedMessages()[0].getSubject()).isEqualTo("[lb1] VRRP Instance VI_1 - Entering MASTER state");
            await().atMost(ARRIVAL).until(() -> alerts.waiting() == 0);
        } finally {
            late.stop();
        }
    }

    @Test
    void aServerThatAcceptsButNeverAnswersTimesOutAndIsRetriedWithoutHoldingTheListener() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            alerts.configApplied(update(config(configText(silent.port(), "smtp_connect_timeout 0.3", "smtp_alert", "")), 1));

            long start = System.nanoTime();
            alerts.stateChanged(instance("VI_1", VrrpState.BACKUP, VrrpState.MASTER));
            alerts.healthChanged(health(tcp("10.0.0.1", 80, "10.0.0.2", 80), HealthEvent.Kind.DOWN, "TCP_CHECK", "timeout"));
            Duration listenerCalls = Duration.ofNanos(System.nanoTime() - start);

            assertThat(listenerCalls).as("the listeners only queue").isLessThan(Duration.ofMillis(300));
            await().atMost(ARRIVAL).until(() -> silent.accepted() >= 3);
            assertThat(alerts.waiting()).isEqualTo(2);

            // A new configuration points at a server that answers: what waited is sent there.
            alerts.configApplied(update(config(configText(MAIL.getSmtp().getPort(), "", "smtp_alert", "")), 2));
            assertThat(subjects(awaitOpsInbox(2))).containsExactly(
                    "[lb1] VRRP Instance VI_1 - Entering MASTER state",
                    "[lb1] Realserver [10.0.0.2]:tcp:80 of virtual server [10.0.0.1]:tcp:80 - DOWN");
        }
    }

    /**
     * A keepalived.conf with mail to two recipients through 127.0.0.1:port, two instances and a virtual
     * server with one real server.
     */
    static String configText(int port, String globalLine, String vi1Line, String vi2Line) {
        return """
                global_defs {
                    router_id lb1
                    notification_email {
                        ops@example.com
                        "Duty <duty@example.net>"
                    }
                    notification_email_from "Balancer <lb1@example.com>"
                    smtp_server 127.0.0.1 %d
                    smtp_connect_timeout 2
                    %s
                }
                vrrp_instance VI_1 {
                    interface lo
                    virtual_router_id 51
                    priority 100
                    virtual_ipaddress {
                        192.0.2.100/24
                    }
                    %s
                }
                vrrp_instance VI_2 {
                    interface lo
                    virtual_router_id 52
                    priority 100
                    virtual_ipaddress {
                        192.0.2.101/24
                    }
                    %s
                }
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    real_server 10.0.0.2 80 {
                        TCP_CHECK {
                        }
                    }
                }
                """.formatted(port, globalLine, vi1Line, vi2Line);
    }

    /**
     * Waits for mails to ops@example.com: each alert goes to every recipient one after the other, so
     * counting all the mails received could end the wait before ops@example.com has its share.
     */
    private static MimeMessage[] awaitOpsInbox(int count) throws Exception {
        await().atMost(ARRIVAL).until(() -> inbox("ops@example.com").length >= count);
        return inbox("ops@example.com");
    }

    /** @return what the SMTP envelope delivered to one recipient, in the order it arrived */
    private static MimeMessage[] inbox(String email) throws Exception {
        GreenMailUser user = MAIL.getUserManager().getUserByEmail(email);
        if (user == null) {
            return new MimeMessage[0];
        }
        return MAIL.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                .map(StoredMessage::getMimeMessage).toArray(MimeMessage[]::new);
    }

    private static List<String> subjects(MimeMessage[] messages) throws MessagingException {
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage message : messages) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    private static List<String> subjectsAndBodies(MimeMessage[] messages) throws MessagingException {
        List<String> lines = new java.util.ArrayList<>();
        for (MimeMessage message : messages) {
            lines.add(message.getSubject() + " | " + GreenMailUtil.getBody(message).strip());
        }
        return lines;
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(address -> ((InternetAddress) address).getAddress()).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Accepts connections and never says a word, as a hung SMTP server. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        private final AtomicInteger accepted = new AtomicInteger();
        private final List<Socket> clients = new CopyOnWriteArrayList<>();
        private final Thread thread = new Thread(this::accept, "silent-smtp");

        SilentServer() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    clients.add(client);
                    accepted.incrementAndGet();
                    InputStream in = client.getInputStream();
                    assert in != null;
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket client : clients) {
                client.close();
            }
        }
    }
}
