package org.jkeepalived.checker.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** Dumps byte for byte as keepalived's genhash prints them (lines taken from its output). */
class HexDumpTest {

    @Test
    void fullLinesShowOffsetsBytesAndText() {
        String dump = HexDump.format(Unpooled.copiedBuffer("HTTP/1.0 200 OK\r\nServer: SimpleH", StandardCharsets.US_ASCII));

        assertThat(dump).isEqualTo(
                "0000  48 54 54 50 2f 31 2e 30 - 20 32 30 30 20 4f 4b 0d   HTTP/1.0 200 OK.\n"
                + "0016  0a 53 65 72 76 65 72 3a - 20 53 69 6d 70 6c 65 48   .Server: SimpleH\n");
    }

    @Test
    void theLastLineIsPadded() {
        assertThat(HexDump.format(Unpooled.copiedBuffer("hello world\n", StandardCharsets.US_ASCII)))
                .isEqualTo("0000  68 65 6c 6c 6f 20 77 6f - 72 6c 64 0a               hello world.    \n");
        assertThat(HexDump.format(Unpooled.copiedBuffer("9 GMT\r\n\r\n", StandardCharsets.US_ASCII)))
                .isEqualTo("0000  39 20 47 4d 54 0d 0a 0d - 0a                        9 GMT....       \n");
    }

    @Test
    void nothingDumpsToNothing() {
        assertThat(HexDump.format(Unpooled.EMPTY_BUFFER)).isEmpty();
    }
}
