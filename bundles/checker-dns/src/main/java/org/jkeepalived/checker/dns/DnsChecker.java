package org.jkeepalived.checker.dns;

import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
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
import org.jkeepalived.checker.sockets.CheckerSockets;
import org.jkeepalived.checker.sockets.SocketFailures;

/**
 * Sends one query per probe from a UDP socket connected to the target, as keepalived does, so that
 * an ICMP port unreachable comes back as an error; waits for the response with the query's ID.
 * The engine bounds the wait by connect_timeout and cancels the probe, which closes the socket.
 */
final class DnsChecker implements Checker {

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
        Optional<String> notOpened = CheckerSockets.notOpened(connect);
        if (notOpened.isPresent()) {
            return CompletableFuture.completedFuture(CheckOutcome.down(notOpened.get()));
        }
        Channel opened = connect.channel();
        channel = opened;
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                outcome.complete(CheckOutcome.down(SocketFailures.reason(done.cause())));
                return;
            }
            DatagramDnsQuery query = new DatagramDnsQuery(null, target.address(), id);
            query.setRecursionDesired(true);
            query.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(name, type));
            opened.writeAndFlush(query).addListener(sent -> {
                if (!sent.isSuccess()) {
                    outcome.complete(CheckOutcome.down("cannot send the query: " + SocketFailures.reason(sent.cause())));
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
        return CheckerSockets.udp(loop, target.address(), target.bindInterface(), target.fwmark())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new DatagramDnsQueryEncoder(), new DatagramDnsResponseDecoder(),
                                new AnswerHandler(id, outcome, target.toString()));
                    }
                });
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
                outcome.complete(CheckOutcome.down("receive failed: " + SocketFailures.reason(cause)));
            }
            // A datagram that is not a DNS response (a DecoderException) is not the answer: keep waiting for it.
        }
    }
}
