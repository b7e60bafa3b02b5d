package org.example.jkeepalived.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import org.junit.jupiter.api.Test;

/** RESP2 bytes in, replies out, and commands to bytes, byte for byte. */
class RespCodecTest {

    @Test
    void aCommandIsAnArrayOfBulkStrings() {
        ByteBuf out = Unpooled.buffer();

        RespCommand.of("AUTH", "ops", "pässword").encode(out);

        assertEquals("*3\r\n$4\r\nAUTH\r\n$3\r\nops\r\n$9\r\np\u00e4ssword\r\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void eachReplyTypeIsDecoded() {
        ByteBuf in = bytes("+PONG\r\n-WRONGPASS invalid username-password pair\r\n:42\r\n$5\r\nhello\r\n$-1\r\n$0\r\n\r\n");

        assertEquals(new RespReply.SimpleString("PONG"), RespDecoder.decode(in));
        assertEquals(new RespReply.Error("WRONGPASS invalid username-password pair"), RespDecoder.decode(in));
        assertEquals(new RespReply.IntegerReply(42), RespDecoder.decode(in));
        assertEquals(new RespReply.BulkString("hello"), RespDecoder.decode(in));
        assertEquals(new RespReply.BulkString(null), RespDecoder.decode(in));
        assertEquals(new RespReply.BulkString(""), RespDecoder.decode(in));
        assertEquals(0, in.readableBytes());
    }

    @Test
    void aReplyIsTakenOnlyWhenComplete() {
        ByteBuf in = bytes("$11\r\nrole:ma");

        assertNull(RespDecoder.decode(in));
        assertEquals(0, in.readerIndex());
        in.writeBytes("ster\r".getBytes(StandardCharsets.US_ASCII));
        assertNull(RespDecoder.decode(in));
        in.writeBytes("\n+OK".getBytes(StandardCharsets.US_ASCII));

        assertEquals(new RespReply.BulkString("role:master"), RespDecoder.decode(in));
        assertNull(RespDecoder.decode(in));
        assertEquals("+OK", in.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void aBulkStringContainingCrlfKeepsIt() {
        assertEquals(new RespReply.BulkString("a\r\nb"), RespDecoder.decode(bytes("$4\r\na\r\nb\r\n")));
    }

    @Test
    void whatIsNoRespIsRejected() {
        assertEquals("not a RESP2 reply: type byte 0x48",
                assertThrows(CorruptedFrameException.class, () -> RespDecoder.decode(bytes("HTTP/1.1 400 Bad Request\r\n"))).getMessage());
        assertEquals("bulk string of 3 bytes not followed by CRLF",
                assertThrows(CorruptedFrameException.class, () -> RespDecoder.decode(bytes("$3\r\nabcd\r\n"))).getMessage());
        assertEquals("not a number: x",
                assertThrows(CorruptedFrameException.class, () -> RespDecoder.decode(bytes(":x\r\n"))).getMessage());
    }

    @Test
    void oversizedRepliesAreRejectedBeforeTheyArrive() {
        assertThrows(TooLongFrameException.class, () -> RespDecoder.decode(bytes("$1000000\r\n")));
        assertThrows(TooLongFrameException.class, () -> RespDecoder.decode(bytes("+" + "x".repeat(RespDecoder.MAX_LINE + 1))));
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }
}
