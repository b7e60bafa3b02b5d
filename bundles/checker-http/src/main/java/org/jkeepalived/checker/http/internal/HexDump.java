package org.jkeepalived.checker.http.internal;

import java.io.PrintStream;

import io.netty.buffer.ByteBuf;

/**
 * Bytes as keepalived's genhash dumps them: lines of 16 bytes, each led by its decimal offset,
 * in two groups of 8 separated by {@code -}, then the printable ASCII characters (others as
 * {@code .}); the last line padded with spaces.
 */
final class HexDump {

    private static final int LINE = 16;
    private static final int GROUP = 8;

    private HexDump() {
    }

    /**
     * @param bytes the readable bytes to dump; the reader index is left as it is
     * @param out where the lines go
     */
    static void dump(ByteBuf bytes, PrintStream out) {
        out.print(format(bytes));
    }

    /**
     * @param bytes the readable bytes to dump; the reader index is left as it is
     * @return the lines, each ending with a newline
     */
    static String format(ByteBuf bytes) {
        int count = bytes.readableBytes();
        int start = bytes.readerIndex();
        StringBuilder text = new StringBuilder((count / LINE + 1) * 75);
        for (int line = 0; line < count; line += LINE) {
            // keepalived prints the offset modulo 65536, on at least four digits
            text.append(String.format("%04d ", line & 0xFFFF));
            for (int i = line; i < line + LINE; i++) {
                if (i < count) {
                    text.append(String.format(" %02x", bytes.getUnsignedByte(start + i)));
                } else {
                    text.append("   ");
                }
                if ((i + 1) % GROUP == 0 && (i + 1) % LINE != 0) {
                    text.append(" -");
                }
            }
            text.append("   ");
            for (int i = line; i < line + LINE; i++) {
                if (i < count) {
                    int value = bytes.getUnsignedByte(start + i);
                    text.append(value >= 0x20 && value <= 0x7E ? (char) value : '.');
                } else {
                    text.append(' ');
                }
            }
            text.append('\n');
        }
        return text.toString();
    }
}
