package org.example.jkeepalived.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;

/**
 * Decodes RESP2 replies: a type byte, a line ending in CRLF and, for a bulk string, that many bytes
 * and a CRLF. A reply is taken only once it is complete, so it may arrive in any number of reads.
 */
final class RespDecoder extends ByteToMessageDecoder {

    /** A status line longer than this is no Redis reply. */
    static final int MAX_LINE = 4096;
    /** INFO replication is a few hundred bytes; a server sending more is not answering a check. */
    static final int MAX_BULK = 64 * 1024;

    @Override
    protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
        RespReply reply = decode(in);
        if (reply != null) {
            out.add(reply);
        }
    }

    /**
     * @param in the bytes received so far
     * @return the first reply, consumed from {@code in}, or {@code null} (and nothing consumed) until it is complete
     * @throws CorruptedFrameException if the bytes are no RESP2 reply
     * @throws TooLongFrameException if a line or bulk string exceeds its bound
     */
    static RespReply decode(ByteBuf in) {
        int start = in.readerIndex();
        int lineEnd = lineEnd(in, start + 1);
        if (lineEnd < 0) {
            return null;
        }
        byte type = in.getByte(start);
        String line = in.toString(start + 1, lineEnd - start - 1, StandardCharsets.UTF_8);
        int afterLine = lineEnd + 2;
        RespReply reply;
        switch (type) {
            case '+' -> reply = new RespReply.SimpleString(line);
            case '-' -> reply = new RespReply.Error(line);
            case ':' -> reply = new RespReply.IntegerReply(number(line));
            case '$' -> {
                long length = number(line);
                if (length == -1) {
                    reply = new RespReply.BulkString(null);
                    break;
                }
                if (length < 0 || length > MAX_BULK) {
                    throw new TooLongFrameException("bulk string of " + length + " bytes, at most " + MAX_BULK + " expected");
                }
                if (in.writerIndex() - afterLine < length + 2) {
                    return null;
                }
                if (in.getByte(afterLine + (int) length) != '\r' || in.getByte(afterLine + (int) length + 1) != '\n') {
                    throw new CorruptedFrameException("bulk string of " + length + " bytes not followed by CRLF");
                }
                reply = new RespReply.BulkString(in.toString(afterLine, (int) length, StandardCharsets.UTF_8));
                afterLine += (int) length + 2;
            }
            default -> throw new CorruptedFrameException("not a RESP2 reply: type byte 0x" + Integer.toHexString(type & 0xff));
        }
        in.readerIndex(afterLine);
        return reply;
    }

    /** @return the index of the CR of the first CRLF at or after {@code from}, or -1 if it has not arrived */
    private static int lineEnd(ByteBuf in, int from) {
        int end = Math.min(in.writerIndex(), from + MAX_LINE + 1);
        for (int i = from; i < end; i++) {
            if (in.getByte(i) == '\r' && i + 1 < in.writerIndex() && in.getByte(i + 1) == '\n') {
                return i;
            }
        }
        if (end - from > MAX_LINE) {
            throw new TooLongFrameException("reply line longer than " + MAX_LINE + " bytes");
        }
        return -1;
    }

    private static long number(String line) {
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new CorruptedFrameException("not a number: " + line);
        }
    }
}
