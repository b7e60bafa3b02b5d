package org.jkeepalived.metrics.internal;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Serves {@code GET /metrics} over HTTP/1.1 on one thread of its own, with the text a supplier
 * writes at each request; anything else is 404 or 405. The text is made on the server's thread, so
 * a slow scrape delays only the next scrape.
 */
final class MetricsHttpServer implements AutoCloseable {

    /** The path Prometheus scrapes by default. */
    static final String PATH = "/metrics";
    /** A scrape request has no body: anything larger is refused. */
    private static final int MAX_REQUEST = 8192;

    private final EventLoopGroup group;
    private final Channel channel;

    private MetricsHttpServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /**
     * @param address where to listen
     * @param metrics writes the metrics text
     * @return the running server
     * @throws IllegalStateException if it cannot listen there, saying why
     */
    static MetricsHttpServer start(InetSocketAddress address, Supplier<String> metrics) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("jkeepalived-metrics", true),
                NioIoHandler.newFactory());
        try {
            Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel child) {
                            child.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST),
                                    new Scrape(metrics));
                        }
                    })
                    .bind(address).sync().channel();
            return new MetricsHttpServer(group, channel);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("interrupted while binding the metrics endpoint to " + address, e);
        } catch (Exception e) {
            // Netty throws the bind's IOException undeclared
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("the metrics endpoint cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    /** @return where it listens; with port 0 asked, the port the kernel gave */
    InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Answers one request. */
    private static final class Scrape extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final Supplier<String> metrics;

        Scrape(Supplier<String> metrics) {
            this.metrics = metrics;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
            FullHttpResponse response;
            if (!new QueryStringDecoder(request.uri()).path().equals(PATH)) {
                response = text(HttpResponseStatus.NOT_FOUND, "Not found: metrics are at " + PATH + "\n");
            } else if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
                response = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "Only GET\n");
                response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            } else {
                try {
                    response = text(HttpResponseStatus.OK, metrics.get());
                    response.headers().set(HttpHeaderNames.CONTENT_TYPE, PrometheusFormat.CONTENT_TYPE);
                } catch (RuntimeException e) {
                    response = text(HttpResponseStatus.SERVICE_UNAVAILABLE, "Metrics unavailable: " + e.getMessage() + "\n");
                }
                if (request.method().equals(HttpMethod.HEAD)) {
                    response = response.replace(Unpooled.EMPTY_BUFFER);
                }
            }
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
            var written = context.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            context.close();
        }

        private static FullHttpResponse text(HttpResponseStatus status, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
            return response;
        }
    }
}
