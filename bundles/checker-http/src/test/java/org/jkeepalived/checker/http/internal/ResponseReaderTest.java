package org.jkeepalived.checker.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** The response split into header and raw body, whatever the pieces it arrives in. */
class ResponseReaderTest {

    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final ByteArrayOutputStream bodyStart = new ByteArrayOutputStream();
    private final ResponseReader reader = new ResponseReader(new ResponseReader.Listener() {
        @Override
        public void head(ByteBuf header, int statusCode, ByteBuf start) {
            head.writeBytes(ByteBufUtil.getBytes(header));
            bodyStart.writeBytes(ByteBufUtil.getBytes(start));
            body.writeBytes(ByteBufUtil.getBytes(start));
        }

        @Override
        public void body(ByteBuf chunk) {
            body.writeBytes(ByteBufUtil.getBytes(chunk));
        }
    });

    private void read(String text) {
        ByteBuf bytes = Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
        reader.read(bytes);
        assertThat(bytes.isReadable()).isFalse();
        bytes.release();
    }

    @Test
    void theHeaderEndsAtTheFirstEmptyLineEvenAcrossReads() {
        String response = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nhello\r\n\r\nworld";
        for (int i = 0; i < response.length(); i++) {
            read(response.substring(i, i + 1));
        }

        assertThat(reader.statusCode()).isEqualTo(200);
        assertThat(head.toString(StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n");
        assertThat(body.toString(StandardCharsets.ISO_8859_1)).isEqualTo("hello\r\n\r\nworld");
        assertThat(reader.bodyLength()).isEqualTo(14);
    }

    @Test
    void theBodyThatCameWithTheHeaderIsGivenWithIt() {
        read("HTTP/1.0 404 Not Found\r\n\r\nno");
        read(" page");

        assertThat(reader.statusCode()).isEqualTo(404);
        assertThat(bodyStart.toString(StandardCharsets.ISO_8859_1)).isEqualTo("no");
        assertThat(body.toString(StandardCharsets.ISO_8859_1)).isEqualTo("no page");
    }

    @Test
    void aChunkedBodyStaysAsReceivedAsKeepalivedDigestsIt() {
        read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");

        assertThat(body.toString(StandardCharsets.ISO_8859_1)).isEqualTo("5\r\nhello\r\n0\r\n\r\n");
        assertThat(reader.complete()).isFalse();
    }

    @Test
    void theBodyIsCompleteAtItsContentLength() {
        read("HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhel");
        assertThat(reader.contentLength()).hasValue(5);
        assertThat(reader.complete()).isFalse();

        read("lo");

        assertThat(reader.complete()).isTrue();
    }

    @Test
    void aStatusLineWithoutReasonPhraseHasItsCode() {
        read("HTTP/1.1 204\r\n\r\n");

        assertThat(reader.statusCode()).isEqualTo(204);
    }

    @Test
    void aResponseThatIsNotHttpIsMalformed() {
        assertThatThrownBy(() -> read("SSH-2.0-OpenSSH_9.2\r\n\r\n"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("malformed status line 'SSH-2.0-OpenSSH_9.2'");
        assertThatThrownBy(() -> new ResponseReaderTest().read("HTTP/1.1 2000 OK\r\n\r\n"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("malformed status line 'HTTP/1.1 2000 OK'");
    }

    @Test
    void aHeaderWithoutEndIsRefusedPastItsLimit() {
        read("HTTP/1.1 200 OK\r\n");
        String field = "X-Padding: " + "a".repeat(1000) + "\r\n";

        assertThatThrownBy(() -> {
            for (int i = 0; i < 70; i++) {
                read(field);
            }
        }).isInstanceOf(MalformedResponseException.class).hasMessage("response header longer than 65536 bytes");
        assertThat(reader.statusCode()).isEqualTo(-1);
    }
}
