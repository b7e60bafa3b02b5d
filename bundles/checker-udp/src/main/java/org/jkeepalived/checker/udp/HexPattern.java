package org.jkeepalived.checker.udp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Bytes written as UDP_CHECK's {@code payload} and {@code require_reply} write them (keepalived.conf(5)):
 * groups of hexadecimal digits separated by spaces, each group read two digits to a byte, a last
 * lone digit making a byte of its own ({@code Ab12f 3} is AB 12 0F 03). In a reply pattern an
 * {@code X} stands for a nibble whose value does not matter.
 */
final class HexPattern {

    private final byte[] bytes;
    private final byte[] ignored;

    private HexPattern(byte[] bytes, byte[] ignored) {
        this.bytes = bytes;
        this.ignored = ignored;
    }

    /**
     * @param text the groups of digits
     * @param wildcards whether X may stand for a nibble
     * @return the pattern, or empty if the text has anything else or no digit
     */
    static Optional<HexPattern> parse(String text, boolean wildcards) {
        StringBuilder digits = new StringBuilder();
        for (String group : text.trim().split("\\s+")) {
            if (group.isEmpty()) {
                continue;
            }
            digits.append(group, 0, group.length() - group.length() % 2);
            if (group.length() % 2 == 1) {
                digits.append('0').append(group.charAt(group.length() - 1));
            }
        }
        if (digits.length() == 0) {
            return Optional.empty();
        }
        byte[] bytes = new byte[digits.length() / 2];
        byte[] ignored = new byte[bytes.length];
        for (int i = 0; i < digits.length(); i++) {
            char digit = digits.charAt(i);
            int shift = i % 2 == 0 ? 4 : 0;
            if (wildcards && (digit == 'x' || digit == 'X')) {
                ignored[i / 2] |= (byte) (0xF << shift);
            } else if (Character.digit(digit, 16) >= 0) {
                bytes[i / 2] |= (byte) (Character.digit(digit, 16) << shift);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new HexPattern(bytes, ignored));
    }

    /** @return the bytes, with 0 where a nibble is ignored */
    byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Compares a reply with the pattern over the shorter of the two, as keepalived does.
     *
     * @param reply the bytes received
     * @return whether every byte compared matches, ignoring the X nibbles
     */
    boolean matches(byte[] reply) {
        int length = Math.min(reply.length, bytes.length);
        for (int i = 0; i < length; i++) {
            if (((reply[i] ^ bytes[i]) & ~ignored[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HexPattern && Arrays.equals(bytes, ((HexPattern) other).bytes)
                && Arrays.equals(ignored, ((HexPattern) other).ignored);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + Arrays.hashCode(ignored);
    }

    /** @return the pattern in hexadecimal, X for the nibbles ignored */
    @Override
    public String toString() {
        String hex = HexFormat.of().formatHex(bytes);
        StringBuilder text = new StringBuilder(hex);
        for (int i = 0; i < text.length(); i++) {
            int shift = i % 2 == 0 ? 4 : 0;
            if ((ignored[i / 2] >> shift & 0xF) == 0xF) {
                text.setCharAt(i, 'X');
            }
        }
        return text.toString();
    }
}
