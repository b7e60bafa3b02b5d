package org.jkeepalived.checker.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.testkit.CheckerTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SMTP_CHECK against GreenMail, a real SMTP server, on loopback, and against servers that refuse or hang. */
class SmtpCheckerTest {

    private static GreenMail mail;
    private static CheckerTestKit kit;

    @BeforeAll
    static void start() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        kit = CheckerTestKit.of(new SmtpCheckerFactory());
    }

    @AfterAll
    static void stop() {
        kit.close();
        mail.stop();
    }

    private static InetSocketAddress smtp() {
        return new InetSocketAddress("127.0.0.1", mail.getSmtp().getPort());
    }

    @Test
    void aServerThatGreetsAndAnswersHeloAndQuitIsUp() {
        assertThat(kit.probe("SMTP_CHECK {\n}", smtp())).isEqualTo(CheckOutcome.up("greeted, answered HELO and QUIT"));
        assertThat(kit.probe("SMTP_CHECK {\n helo_name lb1.example.test\n connect_timeout 2\n}", smtp()).isUp()).isTrue();
    }

    @Test
    void aRefusedConnectionIsDown() throws IOException {
        assertThat(kit.probe("SMTP_CHECK {\n}", closedPort())).isEqualTo(CheckOutcome.down("connection refused"));
    }

    @Test
    void aServerThatAcceptsAndSaysNothingIsDownAndItsConnectionClosed() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            CountDownLatch closed = new CountDownLatch(1);
            Thread server = new Thread(() -> {
                try (Socket client = silent.accept(); InputStream in = client.getInputStream()) {
                    while (in.read() >= 0) {
                        // nothing is ever answered
                    }
                    closed.countDown();
                } catch (IOException e) {
                    closed.countDown();
                }
            });
            server.setDaemon(true);
            server.start();

            CheckOutcome outcome = kit.probe("SMTP_CHECK {\n connect_timeout 0.5\n}",
                    new InetSocketAddress(silent.getInetAddress(), silent.getLocalPort()));

            assertThat(outcome).isEqualTo(CheckOutcome.down("no greeting within 500 ms"));
            assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void everyHostBlockIsCheckedWithSettingsOverTheCheckers() throws IOException {
        String port = Integer.toString(mail.getSmtp().getPort());
        InetSocketAddress closed = closedPort();

        assertThat(kit.probe("SMTP_CHECK {\n host {\n  connect_ip 127.0.0.1\n  connect_port " + port + "\n }\n"
                + " host {\n  connect_port " + port + "\n }\n}", smtp())).isEqualTo(CheckOutcome.up("2 servers answered"));
        assertThat(kit.probe("SMTP_CHECK {\n connect_port " + port + "\n host {\n }\n host {\n  connect_port " + closed.getPort()
                + "\n }\n}", smtp())).isEqualTo(CheckOutcome.down("[127.0.0.1]:" + closed.getPort() + ": connection refused"));
    }

    private static InetSocketAddress closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort());
        }
    }
}
