package org.jkeepalived.checker.dns;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.channel.unix.RawUnixChannelOption;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryEncoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseDecoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsSection;
import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;

/**
 * Sends one query per probe from a UDP socket connected to the target, as keepalived does, so that
 * an ICMP port unreachable comes back as an error; waits for the response with the query's ID.
 * The engine bounds the wait by connect_timeout and cancels the probe, which closes the socket.
 */
final class DnsChecker implements Checker {

    /** socket(7): the SOL_SOCKET level and its SO_BINDTODEVICE and SO_MARK options. */
    private static final int SOL_SOCKET = 1;
    private static final int SO_BINDTODEVICE = 25;
    private static final int SO_MARK = 36;
    private static final ChannelOption<Integer> MARK = new IntegerUnixChannelOption("SO_MARK", SOL_SOCKET, SO_MARK);
    private static final int ID_RANGE = 0x10000;

    private final CheckTarget target;
    private final EventLoop loop;
    private final DnsRecordType type;
    private final String name;
    private Channel channel;

    DnsChecker(CheckTarget target, EventLoop loop, DnsRecordType type, String name) {
        this.target = target;
        this.loop = loop;
        this.type = type;
        this.name = name;
    }

    @Override
    public CompletableFuture<CheckOutcome> check() {
        CompletableFuture<CheckOutcome> outcome = new CompletableFuture<>();
        int id = ThreadLocalRandom.current().nextInt(ID_RANGE);
        Bootstrap bootstrap;
        try {
            bootstrap = bootstrap(outcome, id);
        } catch (IllegalStateException e) {
            return CompletableFuture.completedFuture(CheckOutcome.down(e.getMessage()));
        }
        InetSocketAddress source = target.bindAddress().orElse(null);
        ChannelFuture connect = source == null ? bootstrap.connect(target.address()) : bootstrap.connect(target.address(), source);
        Channel opened = connect.channel();
        if (!opened.isRegistered()) {
            // No socket could be made (EMFILE, ENOBUFS): Netty failed the connect at once, off this loop,
            // and there is nothing to close.
            return CompletableFuture.completedFuture(CheckOutcome.down("cannot open a socket: " + reason(connect.cause())));
        }
        channel = opened;
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                outcome.complete(CheckOutcome.down(reason(done.cause())));
                return;
            }
            DatagramDnsQuery query = new DatagramDnsQuery(null, target.address(), id);
            query.setRecursionDesired(true);
            query.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(name, type));
            opened.writeAndFlush(query).addListener(sent -> {
                if (!sent.isSuccess()) {
                    outcome.complete(CheckOutcome.down("cannot send the query: " + reason(sent.cause())));
                }
            });
        });
        // Answered, failed or cancelled by the engine: the socket is closed.
        outcome.whenComplete((result, failure) -> {
            opened.close();
            if (channel == opened) {
                channel = null;
            }
        });
        return outcome;
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    private Bootstrap bootstrap(CompletableFuture<CheckOutcome> outcome, int id) {
        boolean epoll = Epoll.isAvailable();
        if (!epoll && (target.fwmark() != 0 || target.bindInterface().isPresent())) {
            throw new IllegalStateException("fwmark and bind_if need Netty's epoll transport, which is unavailable");
        }
        SocketProtocolFamily family = target.address().getAddress() instanceof Inet6Address
                ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channelFactory(() -> epoll ? new EpollDatagramChannel(family) : new NioDatagramChannel(family))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new DatagramDnsQueryEncoder(), new DatagramDnsResponseDecoder(),
                                new AnswerHandler(id, outcome, target.toString()));
                    }
                });
        if (target.fwmark() != 0) {
            bootstrap.option(MARK, target.fwmark());
        }
        target.bindInterface().ifPresent(device -> {
            byte[] bytes = device.getBytes(StandardCharsets.US_ASCII);
            ByteBuffer value = ByteBuffer.allocateDirect(bytes.length + 1).put(bytes).put((byte) 0).flip();
            bootstrap.option(new RawUnixChannelOption("SO_BINDTODEVICE", SOL_SOCKET, SO_BINDTODEVICE, bytes.length + 1), value);
        });
        return bootstrap;
    }

    /** The reason of a socket error without Netty's system call and address. */
    private static String reason(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String[] parts = message.split(": ");
        String reason = message;
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isBlank() && !parts[i].trim().matches("\\S*/\\S+:\\d+")) {
                reason = parts[i].trim();
                break;
            }
        }
        return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }

    /** Judges the datagrams that come back until one answers the query. */
    static final class AnswerHandler extends SimpleChannelInboundHandler<DatagramDnsResponse> {

        private final int id;
        private final CompletableFuture<CheckOutcome> outcome;
        private final String server;

        AnswerHandler(int id, CompletableFuture<CheckOutcome> outcome, String server) {
            this.id = id;
            this.outcome = outcome;
            this.server = server;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsResponse response) {
            DnsVerdict.of(id, response).ifPresent(outcome::complete);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof PortUnreachableException) {
                outcome.complete(CheckOutcome.down("port unreachable: nothing listens on " + server));
            } else if (!(cause instanceof DecoderException)) {
                outcome.complete(CheckOutcome.down("receive failed: " + reason(cause)));
            }
            // A datagram that is not a DNS response (a DecoderException) is not the answer: keep waiting for it.
        }
    }
}
