package org.jkeepalived.checker.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;

/**
 * Splits an HTTP response into its header and its body as keepalived reads it: the header ends at
 * the first empty line, and the body is every byte after it, as received, up to the end of the
 * connection or the {@code Content-Length}. The body is not decoded (a chunked body is digested
 * with its chunk sizes), so that a digest made by genhash matches the one checked. No I/O: bytes
 * in, header and body out.
 */
final class ResponseReader {

    /** Receives the parts of the response as they are found. */
    interface Listener {

        /**
         * @param head the header, from the status line to the empty line included; valid during the call
         * @param statusCode the status code of the status line
         * @param bodyStart the bytes of the body that came with the end of the header, possibly none;
         *                  valid during the call
         */
        void head(ByteBuf head, int statusCode, ByteBuf bodyStart);

        /** @param chunk bytes of the body received after the header, in order; valid during the call */
        void body(ByteBuf chunk);
    }

    /** A longer header is refused rather than buffered. */
    static final int MAX_HEAD_LENGTH = 64 * 1024;

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final Listener listener;
    private ByteBuf head = Unpooled.buffer(512);
    private int statusCode = -1;
    private long contentLength = -1;
    private long bodyLength;

    ResponseReader(Listener listener) {
        this.listener = listener;
    }

    /**
     * Reads the next bytes of the response.
     *
     * @param bytes the bytes received; read entirely, not released
     * @throws MalformedResponseException if the header is too long or its status line has no status code
     */
    void read(ByteBuf bytes) {
        if (head == null) {
            bodyLength += bytes.readableBytes();
            listener.body(bytes);
            bytes.skipBytes(bytes.readableBytes());
            return;
        }
        int searchFrom = Math.max(0, head.writerIndex() - 3);
        head.writeBytes(bytes);
        int end = endOfHead(head, searchFrom);
        if (end < 0) {
            if (head.readableBytes() > MAX_HEAD_LENGTH) {
                release();
                throw new MalformedResponseException("response header longer than " + MAX_HEAD_LENGTH + " bytes");
            }
            return;
        }
        ByteBuf all = head;
        head = null;
        try {
            ByteBuf header = all.slice(0, end);
            statusCode = statusCode(header);
            contentLength = contentLength(header);
            ByteBuf bodyStart = all.slice(end, all.writerIndex() - end);
            bodyLength = bodyStart.readableBytes();
            listener.head(header, statusCode, bodyStart);
        } finally {
            all.release();
        }
    }

    /** @return whether the header has been read */
    boolean headRead() {
        return head == null;
    }

    /** @return whether any byte of the response arrived */
    boolean anyRead() {
        return head == null || head.isReadable();
    }

    /** @return the status code, -1 before the header is read */
    int statusCode() {
        return statusCode;
    }

    /** @return the {@code Content-Length} of the header, if it has one */
    OptionalLong contentLength() {
        return contentLength < 0 ? OptionalLong.empty() : OptionalLong.of(contentLength);
    }

    /** @return how many bytes of the body arrived */
    long bodyLength() {
        return bodyLength;
    }

    /** @return whether the body is complete by its {@code Content-Length}, before the connection ends */
    boolean complete() {
        return head == null && contentLength >= 0 && bodyLength >= contentLength;
    }

    /** Frees the buffered header, if the response ends before it does. */
    void release() {
        if (head != null) {
            head.release();
            head = null;
        }
    }

    /** @return the index after CR LF CR LF, or -1 */
    private static int endOfHead(ByteBuf buffer, int from) {
        for (int i = from; i + 3 < buffer.writerIndex(); i++) {
            if (buffer.getByte(i) == CR && buffer.getByte(i + 1) == LF
                    && buffer.getByte(i + 2) == CR && buffer.getByte(i + 3) == LF) {
                return i + 4;
            }
        }
        return -1;
    }

    /**
     * The three digits after the first space of the status line (RFC 9112 section 4), followed by a
     * space or the end of the line.
     */
    private static int statusCode(ByteBuf header) {
        int lineEnd = header.indexOf(0, header.writerIndex(), CR);
        int space = header.indexOf(0, lineEnd, (byte) ' ');
        String line = header.toString(0, lineEnd, StandardCharsets.ISO_8859_1);
        if (!line.startsWith("HTTP/") || space < 0 || space + 4 > lineEnd) {
            throw new MalformedResponseException("malformed status line '" + printable(line) + "'");
        }
        int code = 0;
        for (int i = space + 1; i <= space + 3; i++) {
            byte digit = header.getByte(i);
            if (digit < '0' || digit > '9') {
                throw new MalformedResponseException("malformed status line '" + printable(line) + "'");
            }
            code = code * 10 + digit - '0';
        }
        if (space + 4 < lineEnd && header.getByte(space + 4) != ' ') {
            throw new MalformedResponseException("malformed status line '" + printable(line) + "'");
        }
        return code;
    }

    /** The value of the first Content-Length field, -1 if there is none or it is not a number. */
    private static long contentLength(ByteBuf header) {
        String[] lines = header.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(lines[i].substring(0, colon).trim())) {
                String value = lines[i].substring(colon + 1).trim();
                if (!value.isEmpty() && value.length() < 19 && value.chars().allMatch(Character::isDigit)) {
                    return Long.parseLong(value);
                }
                return -1;
            }
        }
        return -1;
    }

    private static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
