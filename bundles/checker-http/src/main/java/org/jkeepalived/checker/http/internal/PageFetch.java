package org.jkeepalived.checker.http.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.ReadTimeoutHandler;
import org.jkeepalived.checker.http.internal.FetchFailure.Kind;
import org.jkeepalived.checker.sockets.CheckerSockets;
import org.jkeepalived.checker.sockets.SocketFailures;

/**
 * Fetches one page on a checker loop: connects, sends keepalived's GET request, and reads the
 * response until the server closes the connection or the body reaches its {@code Content-Length},
 * digesting the body with MD5 as it arrives. Every step is bounded by the request's timeout.
 */
final class PageFetch {

    /** The User-Agent keepalived sends, which servers' logs and rules may know it by. */
    static final String USER_AGENT = "KeepAliveClient";

    private final Channel channel;
    private final CompletableFuture<FetchResult> result;

    private PageFetch(Channel channel, CompletableFuture<FetchResult> result) {
        this.channel = channel;
        this.result = result;
    }

    /**
     * Starts fetching a page.
     *
     * @param loop the loop the connection runs on; the result completes there
     * @param request what to fetch
     * @param tap sees the header and the body as they arrive, as genhash prints them
     * @return the fetch under way
     */
    static PageFetch start(EventLoop loop, PageRequest request, ResponseReader.Listener tap) {
        CompletableFuture<FetchResult> result = new CompletableFuture<>();
        Bootstrap bootstrap;
        try {
            bootstrap = CheckerSockets.tcp(loop, request.server(), request.device(), request.fwmark());
        } catch (IllegalStateException e) {
            result.complete(new FetchFailure(Kind.CONNECT, e.getMessage()));
            return new PageFetch(null, result);
        }
        request.timeout().ifPresent(timeout ->
                bootstrap.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        bootstrap.handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                request.timeout().ifPresent(timeout ->
                        channel.pipeline().addLast(new ReadTimeoutHandler(timeout.toNanos(), TimeUnit.NANOSECONDS)));
                SslHandler tls = request.tls().map(context -> {
                    SslHandler handler = request.serverName()
                            .map(name -> context.newHandler(channel.alloc(), name, request.server().getPort()))
                            .orElseGet(() -> context.newHandler(channel.alloc()));
                    handler.setHandshakeTimeoutMillis(request.timeout().map(Duration::toMillis).orElse(0L));
                    return handler;
                }).orElse(null);
                if (tls != null) {
                    channel.pipeline().addLast(tls);
                }
                channel.pipeline().addLast(new HttpRequestEncoder(), new PageHandler(request, tls, tap, result));
            }
        });
        InetSocketAddress source = request.source().orElse(null);
        ChannelFuture connect = source == null ? bootstrap.connect(request.server()) : bootstrap.connect(request.server(), source);
        Optional<String> notOpened = CheckerSockets.notOpened(connect);
        if (notOpened.isPresent()) {
            result.complete(new FetchFailure(Kind.CONNECT, notOpened.get()));
            return new PageFetch(null, result);
        }
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                result.complete(connectFailure(done.cause(), request));
            }
        });
        return new PageFetch(connect.channel(), result);
    }

    /** @return the page or the failure, completed on the loop */
    CompletableFuture<FetchResult> result() {
        return result;
    }

    /** Closes the connection, for a probe that is cancelled. */
    void abort() {
        if (channel != null) {
            channel.close();
        }
    }

    /**
     * The request keepalived sends: {@code GET path HTTP/1.x}, {@code User-Agent: KeepAliveClient},
     * {@code Connection: close} for 1.0C and 1.1, then {@code Host}.
     */
    static FullHttpRequest request(PageRequest request) {
        HttpVersion version = request.protocol().minorVersion() == 1 ? HttpVersion.HTTP_1_1 : HttpVersion.HTTP_1_0;
        FullHttpRequest get = new DefaultFullHttpRequest(version, HttpMethod.GET, request.path(), Unpooled.EMPTY_BUFFER);
        // Names spelled as keepalived spells them, not as Netty's lower-case constants.
        get.headers().add("User-Agent", USER_AGENT);
        if (request.protocol().connectionClose()) {
            get.headers().add("Connection", "close");
        }
        get.headers().add("Host", request.host());
        return get;
    }

    private static FetchFailure connectFailure(Throwable cause, PageRequest request) {
        if (cause instanceof ConnectTimeoutException) {
            return new FetchFailure(Kind.CONNECT_TIMEOUT, "connect timed out after " + SocketFailures.describe(request.timeout().orElseThrow()));
        }
        String reason = SocketFailures.reason(cause);
        if (request.source().isPresent() && String.valueOf(cause.getMessage()).startsWith("bind(")) {
            InetSocketAddress source = request.source().get();
            reason = "cannot bind to " + source.getHostString() + ":" + source.getPort() + ": " + reason;
        }
        return new FetchFailure(Kind.CONNECT, reason);
    }

    /** Sends the request, reads the response, and completes the result once. */
    private static final class PageHandler extends ChannelInboundHandlerAdapter implements ResponseReader.Listener {

        private final PageRequest request;
        private final SslHandler tls;
        private final ResponseReader.Listener tap;
        private final CompletableFuture<FetchResult> result;
        private final ResponseReader reader = new ResponseReader(this);
        private final MessageDigest md5 = md5();
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        PageHandler(PageRequest request, SslHandler tls, ResponseReader.Listener tap, CompletableFuture<FetchResult> result) {
            this.request = request;
            this.tls = tls;
            this.tap = tap;
            this.result = result;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            if (tls != null) {
                tls.handshakeFuture().addListener(handshake -> {
                    if (handshake.isSuccess()) {
                        ctx.writeAndFlush(request(request));
                    } else {
                        fail(ctx, Kind.TLS, "TLS handshake failed: " + SocketFailures.reason(handshake.cause()));
                    }
                });
            }
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (tls == null) {
                ctx.writeAndFlush(request(request));
            }
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            ByteBuf bytes = (ByteBuf) message;
            try {
                reader.read(bytes);
            } finally {
                bytes.release();
            }
            if (reader.complete()) {
                complete(ctx);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (reader.headRead()) {
                complete(ctx);
            } else {
                reader.release();
                fail(ctx, Kind.NO_DATA, reader.anyRead() ? "the connection closed in the response header"
                        : "the connection closed without a response");
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            String timeout = request.timeout().map(SocketFailures::describe).orElse("");
            if (cause instanceof ReadTimeoutException) {
                if (tls != null && !tls.handshakeFuture().isDone()) {
                    fail(ctx, Kind.TLS, "TLS handshake timed out after " + timeout);
                } else if (!reader.anyRead()) {
                    fail(ctx, Kind.NO_RESPONSE, "no response within " + timeout);
                } else {
                    fail(ctx, Kind.STALLED, "the response stopped for " + timeout + " after "
                            + (reader.headRead() ? reader.bodyLength() + " bytes of body" : "part of the header"));
                }
            } else if (cause instanceof MalformedResponseException) {
                fail(ctx, Kind.MALFORMED, cause.getMessage());
            } else if (tls != null && (cause instanceof SSLException || cause.getCause() instanceof SSLException
                    || cause instanceof DecoderException)) {
                fail(ctx, Kind.TLS, "TLS error: " + SocketFailures.reason(cause.getCause() != null ? cause.getCause() : cause));
            } else if (cause instanceof IOException) {
                fail(ctx, Kind.READ_ERROR, "read failed: " + SocketFailures.reason(cause));
            } else {
                fail(ctx, Kind.READ_ERROR, "read failed: " + cause);
            }
            reader.release();
        }

        @Override
        public void head(ByteBuf head, int statusCode, ByteBuf bodyStart) {
            digest(bodyStart);
            tap.head(head, statusCode, bodyStart);
        }

        @Override
        public void body(ByteBuf chunk) {
            digest(chunk);
            tap.body(chunk);
        }

        private void digest(ByteBuf chunk) {
            md5.update(chunk.nioBuffer());
            int room = request.keep() - kept.size();
            if (room > 0) {
                int length = Math.min(room, chunk.readableBytes());
                byte[] bytes = new byte[length];
                chunk.getBytes(chunk.readerIndex(), bytes);
                kept.write(bytes, 0, length);
            }
        }

        private void complete(ChannelHandlerContext ctx) {
            if (!result.isDone()) {
                result.complete(new Page(reader.statusCode(), md5.digest(), kept.toByteArray(), reader.bodyLength()));
            }
            ctx.close();
        }

        private void fail(ChannelHandlerContext ctx, Kind kind, String detail) {
            result.complete(new FetchFailure(kind, detail));
            ctx.close();
        }

        private static MessageDigest md5() {
            try {
                return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has MD5", e);
            }
        }
    }
}
