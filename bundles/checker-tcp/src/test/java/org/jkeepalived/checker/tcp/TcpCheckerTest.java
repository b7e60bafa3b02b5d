package org.jkeepalived.checker.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.testkit.BoundChecker;
import org.jkeepalived.checker.testkit.CheckerTestKit;
import org.jkeepalived.testing.netns.Links;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * TCP_CHECK against real listeners: on the host's loopback, and in namespaces the tests make where a
 * connection must time out or where marked packets have no route.
 */
class TcpCheckerTest {

    private final CheckerTestKit kit = CheckerTestKit.of(new TcpCheckerFactory());

    @AfterEach
    void closeKit() {
        kit.close();
    }

    @Test
    void aListeningServerIsUp() throws IOException {
        try (ServerSocket server = listen("127.0.0.1")) {
            CheckOutcome outcome = kit.probe("TCP_CHECK {\n    connect_timeout 2\n}", address(server));

            assertThat(outcome.isUp()).isTrue();
            assertThat(outcome.detail()).isEqualTo("TCP connection");
        }
    }

    @Test
    void onALoopWithoutEpollItConnectsThroughAChannel() throws Exception {
        EventLoopGroup nio = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (ServerSocket server = listen("127.0.0.1")) {
            InetSocketAddress closed;
            try (ServerSocket gone = listen("127.0.0.1")) {
                closed = address(gone);
            }
            EventLoop loop = nio.next();
            Checker listening = new TcpChecker(kit.bind("TCP_CHECK {\n}", address(server)).target(), loop);
            Checker refusing = new TcpChecker(kit.bind("TCP_CHECK {\n}", closed).target(), loop);

            CheckOutcome up = loop.submit(listening::check).get().get(5, TimeUnit.SECONDS);
            CheckOutcome down = loop.submit(refusing::check).get().get(5, TimeUnit.SECONDS);

            assertThat(up.isUp()).isTrue();
            assertThat(up.detail()).isEqualTo("TCP connection");
            assertThat(down.isUp()).isFalse();
            assertThat(down.detail()).isEqualTo("connection refused");
        } finally {
            nio.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void aClosedPortIsDownWithConnectionRefused() throws IOException {
        InetSocketAddress closed;
        try (ServerSocket server = listen("127.0.0.1")) {
            closed = address(server);
        }

        CheckOutcome outcome = kit.probe("TCP_CHECK {\n}", closed);

        assertThat(outcome.isUp()).isFalse();
        assertThat(outcome.detail()).isEqualTo("connection refused");
    }

    @Test
    void connectIpAndConnectPortReplaceTheRealServersAddress() throws IOException {
        InetSocketAddress closed;
        try (ServerSocket gone = listen("127.0.0.1")) {
            closed = address(gone);
        }
        try (ServerSocket server = listen("127.0.0.3")) {
            String block = "TCP_CHECK {\n    connect_ip 127.0.0.3\n    connect_port " + server.getLocalPort() + "\n}";

            BoundChecker bound = kit.bind(block, closed);

            assertThat(bound.target().address()).isEqualTo(address(server));
            assertThat(bound.probe().isUp()).isTrue();
        }
    }

    @Test
    void bindtoAndBindPortSetTheSourceOfTheConnection() throws Exception {
        try (ServerSocket server = listen("127.0.0.1"); ServerSocket portFinder = listen("127.0.0.2")) {
            int sourcePort = portFinder.getLocalPort();
            portFinder.close();
            CompletableFuture<InetSocketAddress> peer = CompletableFuture.supplyAsync(() -> acceptOne(server));

            CheckOutcome outcome = kit.probe("TCP_CHECK {\n    bindto 127.0.0.2\n    bind_port " + sourcePort + "\n}",
                    address(server));

            assertThat(outcome.isUp()).isTrue();
            assertThat(peer.get(5, TimeUnit.SECONDS)).isEqualTo(new InetSocketAddress("127.0.0.2", sourcePort));
        }
    }

    @Test
    void aSourceThatCannotBeBoundIsDownAndSaysWhy() throws IOException {
        try (ServerSocket server = listen("127.0.0.1")) {
            // 192.0.2.1 (TEST-NET-1) is on no interface of this host.
            CheckOutcome outcome = kit.probe("TCP_CHECK {\n    bindto 192.0.2.1\n}", address(server));

            assertThat(outcome.isUp()).isFalse();
            assertThat(outcome.detail()).isEqualTo("cannot bind to 192.0.2.1:0: cannot assign requested address");
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithinConnectTimeout() throws Exception {
        try (NetworkNamespace host = NetworkNamespace.create()) {
            // The SYNs leave for a neighbour whose MAC nobody has: they are lost, as behind a dead link.
            Links.veth(host, "ck0", host, "ck1");
            host.execOrFail("ip", "address", "add", "10.77.0.1/24", "dev", "ck0");
            host.execOrFail("ip", "neigh", "add", "10.77.0.2", "lladdr", "02:00:00:00:77:02", "dev", "ck0", "nud", "permanent");
            kit.loop().submit(host::enter).get();

            long start = System.nanoTime();
            CheckOutcome outcome = kit.probe("TCP_CHECK {\n    connect_timeout 1\n}", new InetSocketAddress("10.77.0.2", 80));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(outcome.isUp()).isFalse();
            assertThat(outcome.detail()).contains("timed out");
            assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
        }
    }

    @Test
    void fwmarkMarksTheCheckersPackets() throws Exception {
        try (NetworkNamespace host = NetworkNamespace.create()) {
            // Marked packets find no route: the local table moves behind a rule for mark 42.
            host.execOrFail("ip", "rule", "add", "pref", "1000", "lookup", "local");
            host.execOrFail("ip", "rule", "del", "pref", "0");
            host.execOrFail("ip", "rule", "add", "pref", "10", "fwmark", "42", "lookup", "100");
            host.execOrFail("ip", "route", "add", "unreachable", "127.0.0.0/8", "table", "100");
            try (ServerSocket server = host.call(() -> listen("127.0.0.1"))) {
                kit.loop().submit(host::enter).get();

                CheckOutcome unmarked = kit.probe("TCP_CHECK {\n}", address(server));
                CheckOutcome marked = kit.probe("TCP_CHECK {\n    fwmark 42\n}", address(server));

                assertThat(unmarked.isUp()).isTrue();
                assertThat(marked.isUp()).isFalse();
                assertThat(marked.detail()).isEqualTo("no route to host");
            }
        }
    }

    @Test
    void bindIfSendsThroughTheNamedInterface() throws Exception {
        try (NetworkNamespace host = NetworkNamespace.create()) {
            Links.veth(host, "ck0", host, "ck1");
            try (ServerSocket server = host.call(() -> listen("127.0.0.1"))) {
                kit.loop().submit(host::enter).get();

                CheckOutcome throughLoopback = kit.probe("TCP_CHECK {\n    bind_if lo\n}", address(server));
                CheckOutcome throughVeth = kit.probe("TCP_CHECK {\n    bind_if ck0\n    connect_timeout 1\n}", address(server));

                assertThat(throughLoopback.isUp()).isTrue();
                assertThat(throughVeth.isUp()).isFalse();
            }
        }
    }

    @Test
    void aCancelledProbeClosesItsSocket() throws Exception {
        try (NetworkNamespace host = NetworkNamespace.create()) {
            Links.veth(host, "ck0", host, "ck1");
            host.execOrFail("ip", "address", "add", "10.77.0.1/24", "dev", "ck0");
            host.execOrFail("ip", "neigh", "add", "10.77.0.2", "lladdr", "02:00:00:00:77:02", "dev", "ck0", "nud", "permanent");
            kit.loop().submit(host::enter).get();
            BoundChecker bound = kit.bind("TCP_CHECK {\n    connect_timeout 30\n}", new InetSocketAddress("10.77.0.2", 80));
            var checker = bound.newChecker();

            CompletableFuture<CheckOutcome> probe = kit.loop().submit(checker::check).get();
            assertThat(host.execOrFail("ss", "-Htn", "state", "syn-sent")).contains("10.77.0.2:80");
            probe.cancel(true);

            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> !host.execOrFail("ss", "-Htn", "state", "syn-sent").contains("10.77.0.2:80"));
            kit.loop().submit(checker::close).get();
        }
    }

    @Test
    void noSocketLeftIsDownAndSaysWhyOnTheCheckersLoop() throws Exception {
        try (ServerSocket server = listen("127.0.0.1")) {
            InetSocketAddress closed;
            try (ServerSocket gone = listen("127.0.0.1")) {
                closed = address(gone);
            }
            // Both outcomes once before, so that no class is left to load from a file when none can be opened.
            assertThat(kit.probe("TCP_CHECK {\n}", address(server)).isUp()).isTrue();
            assertThat(kit.probe("TCP_CHECK {\n}", closed).isUp()).isFalse();
            CheckOutcome outcome;
            try (OpenFileLimit limit = OpenFileLimit.lowerToWhatIsOpen()) {
                outcome = kit.probe("TCP_CHECK {\n}", address(server));
                // a descriptor that another thread closed after the room was filled lets one socket through
                for (int attempt = 1; attempt < 5 && outcome.isUp(); attempt++) {
                    limit.topUp();
                    outcome = kit.probe("TCP_CHECK {\n}", address(server));
                }
            }

            assertThat(outcome.isUp()).isFalse();
            assertThat(outcome.detail()).isEqualTo("cannot open a socket: too many open files");
            assertThat(kit.probe("TCP_CHECK {\n}", address(server)).isUp()).isTrue();
        }
    }

    private static ServerSocket listen(String address) throws IOException {
        return new ServerSocket(0, 50, InetAddress.getByName(address));
    }

    private static InetSocketAddress address(ServerSocket server) {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    private static InetSocketAddress acceptOne(ServerSocket server) {
        try (Socket accepted = server.accept()) {
            return (InetSocketAddress) accepted.getRemoteSocketAddress();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
