package org.jkeepalived.checker.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpRequestEncoder;
import org.jkeepalived.checker.http.api.HttpProtocol;
import org.junit.jupiter.api.Test;

/** The GET request, byte for byte as keepalived's request template writes it. */
class RequestTest {

    private static String encode(HttpProtocol protocol, String host) {
        PageRequest request = new PageRequest(new InetSocketAddress("192.0.2.10", 8080), Optional.empty(), Optional.empty(), 0,
                Optional.empty(), "/health?full=1", host, protocol, Optional.empty(), Optional.empty(), 0);
        EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestEncoder());
        channel.writeOutbound(PageFetch.request(request));
        StringBuilder text = new StringBuilder();
        for (ByteBuf bytes = channel.readOutbound(); bytes != null; bytes = channel.readOutbound()) {
            text.append(bytes.toString(StandardCharsets.ISO_8859_1));
            bytes.release();
        }
        channel.finishAndReleaseAll();
        return text.toString();
    }

    @Test
    void http10HasNoConnectionHeader() {
        assertThat(encode(HttpProtocol.HTTP_1_0, "192.0.2.10:8080")).isEqualTo(
                "GET /health?full=1 HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: 192.0.2.10:8080\r\n\r\n");
    }

    @Test
    void http10cAndHttp11CloseTheConnection() {
        assertThat(encode(HttpProtocol.HTTP_1_0C, "www.example.test")).isEqualTo(
                "GET /health?full=1 HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\nHost: www.example.test\r\n\r\n");
        assertThat(encode(HttpProtocol.HTTP_1_1, "[2001:db8::10]:8080")).isEqualTo(
                "GET /health?full=1 HTTP/1.1\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\nHost: [2001:db8::10]:8080\r\n\r\n");
    }
}
