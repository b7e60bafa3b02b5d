package org.jkeepalived.checker.testkit;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.Diagnostic;
import org.jkeepalived.config.api.model.lvs.CheckerBlock;

/**
 * Runs checker plugins as jkeepalived runs them, in a plain JUnit test: a checker block written as
 * in keepalived.conf is bound by the plugin's factory through the same reader as the real
 * configuration, and probed on a Netty event loop like the engine's checker loops.
 *
 * <pre>{@code
 * try (CheckerTestKit kit = CheckerTestKit.of(new TcpCheckerFactory())) {
 *     CheckOutcome outcome = kit.probe("TCP_CHECK { connect_timeout 2 }", server.address());
 *     assertThat(outcome.isUp()).isTrue();
 * }
 * }</pre>
 */
public final class CheckerTestKit implements AutoCloseable {

    private static final InetSocketAddress DEFAULT_REAL_SERVER = new InetSocketAddress("127.0.0.1", 80);
    /** The virtual server and real server lines written around the block. */
    private static final int WRAPPER_LINES = 3;

    private final Function<String, Optional<CheckerFactory>> factories;
    private final EventLoopGroup group;
    private final EventLoop loop;

    private CheckerTestKit(Map<String, CheckerFactory> factories) {
        this.factories = keyword -> Optional.ofNullable(factories.get(keyword));
        this.group = new MultiThreadIoEventLoopGroup(1,
                Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.loop = group.next();
    }

    /**
     * @param factories the plugins' factories under test
     * @return a kit with one checker loop, to close after the test
     */
    public static CheckerTestKit of(CheckerFactory... factories) {
        return new CheckerTestKit(Arrays.stream(factories)
                .collect(Collectors.toMap(CheckerFactory::keyword, Function.identity())));
    }

    /**
     * Binds a checker block of a real server at 127.0.0.1:80.
     *
     * @param checkerBlock the block as written in keepalived.conf, for example
     *                     {@code "HTTP_GET { url { path / status_code 200 } }"}
     * @return the bound checker
     * @throws AssertionError listing the diagnostics if the block has errors
     */
    public BoundChecker bind(String checkerBlock) {
        return bind(checkerBlock, DEFAULT_REAL_SERVER);
    }

    /**
     * Binds a checker block of a real server at {@code realServer}.
     *
     * @param checkerBlock the block as written in keepalived.conf
     * @param realServer the real server's address and port
     * @return the bound checker
     * @throws AssertionError listing the diagnostics if the block has errors
     */
    public BoundChecker bind(String checkerBlock, InetSocketAddress realServer) {
        ConfigResult result = read(checkerBlock, realServer);
        CheckerBlock block = result.config()
                .flatMap(config -> config.virtualServers().stream().findFirst())
                .flatMap(server -> server.realServers().stream().findFirst())
                .flatMap(server -> server.checkers().stream().findFirst())
                .filter(checker -> !checker.unbound())
                .orElseThrow(() -> new AssertionError("the block did not bind:\n" + format(ofBlock(result))));
        return new BoundChecker(block, block.settings().target(realServer.getAddress(), realServer.getPort()), loop);
    }

    /**
     * Probes a real server once with a checker block, as the engine runs one probe.
     *
     * @param checkerBlock the block as written in keepalived.conf
     * @param realServer the real server's address and port
     * @return the outcome
     */
    public CheckOutcome probe(String checkerBlock, InetSocketAddress realServer) {
        return bind(checkerBlock, realServer).probe();
    }

    /**
     * The errors and warnings that binding a block gives, for tests of a plugin's diagnostics, with
     * lines counted from the block's first line.
     *
     * @param checkerBlock the block as written in keepalived.conf
     * @return the diagnostics, in the order found
     */
    public List<Diagnostic> diagnostics(String checkerBlock) {
        return ofBlock(read(checkerBlock, DEFAULT_REAL_SERVER));
    }

    /** @return the checker loop */
    public EventLoop loop() {
        return loop;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private ConfigResult read(String checkerBlock, InetSocketAddress realServer) {
        String text = "virtual_server 192.0.2.1 80 {\nprotocol TCP\nreal_server " + realServer.getAddress().getHostAddress()
                + " " + realServer.getPort() + " {\n" + checkerBlock + "\n}\n}\n";
        return ConfigReader.builder().configId("testkit").hostName("testkit").checkers(factories).build()
                .read("checker.conf", text);
    }

    /** The diagnostics about the block, with its lines counted from its own first line. */
    private static List<Diagnostic> ofBlock(ConfigResult result) {
        return result.diagnostics().stream()
                .filter(diagnostic -> diagnostic.line() > WRAPPER_LINES)
                .map(diagnostic -> new Diagnostic(diagnostic.severity(), diagnostic.file(),
                        diagnostic.line() - WRAPPER_LINES, diagnostic.column(), diagnostic.message()))
                .collect(Collectors.toList());
    }

    private static String format(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }
}
