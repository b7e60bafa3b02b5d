package org.jkeepalived.checker.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.jkeepalived.checker.api.CheckOutcome;

/**
 * A track_file's number and what it makes of a real server (keepalived's track_file for checkers):
 * with weight 0, any number but 0 is down (0 is down with reverse); otherwise the number times the
 * weight (negated with reverse) is added to the real server's weight, and down only at or below the
 * lowest 32-bit integer.
 */
final class FileValue {

    private FileValue() {
    }

    /**
     * Reads the leading number of the file, as strtol does; a missing or empty file reads as 0.
     *
     * @param path the file
     * @return the number, or empty if the file holds something else or cannot be read
     */
    static OptionalLong read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            return OptionalLong.of(0);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        if (text.isEmpty()) {
            return OptionalLong.of(0);
        }
        int end = 0;
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || end == 0 && "+-".indexOf(text.charAt(0)) >= 0)) {
            end++;
        }
        try {
            return OptionalLong.of(Long.parseLong(text.substring(0, end)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * @param value the file's number
     * @param weight the weight, 0 for up or down only
     * @param reverse whether the weight is reversed
     * @return the outcome
     */
    static CheckOutcome outcome(long value, int weight, boolean reverse) {
        if (weight == 0) {
            boolean failed = value != 0 != reverse;
            return failed ? CheckOutcome.down("the file holds " + value + (reverse ? ", and 0 is up with reverse" : ""))
                    : CheckOutcome.up("the file holds " + value);
        }
        long product = multiply(multiply(value, weight), reverse ? -1 : 1);
        if (product <= Integer.MIN_VALUE) {
            return CheckOutcome.down("the file holds " + value + ", times weight " + (reverse ? -weight : weight) + " is " + product);
        }
        long offset = Math.min(product, Integer.MAX_VALUE);
        return CheckOutcome.up("the file holds " + value + ": weight " + (offset >= 0 ? "+" : "") + offset).withWeightOffset(offset);
    }

    private static long multiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if (high == 0 && low >= 0 || high == -1 && low < 0) {
            return low;
        }
        return high < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
}
