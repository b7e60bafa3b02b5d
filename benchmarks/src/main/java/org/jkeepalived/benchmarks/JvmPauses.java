package org.jkeepalived.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The times a daemon's JVM held its threads: safepoints (every thread stopped) and ZGC allocation
 * stalls (one thread waiting for memory), read from the unified log that {@link #logOption(Path)}
 * asks the JVM to write.
 */
final class JvmPauses {

    private static final Pattern SAFEPOINT = Pattern.compile("^\\[(\\d+)ms\\].*Safepoint \"([^\"]+)\".* Total: (\\d+) ns");
    private static final Pattern ALLOCATION_STALL = Pattern.compile("^\\[(\\d+)ms\\].*Allocation Stall \\(([^)]+)\\) ([\\d.]+)ms");

    /** One pause, ending at {@code endMillis} (epoch ms). */
    record Pause(long endMillis, double millis, String what) {

        boolean overlaps(long fromMillis, long toMillis) {
            return endMillis >= fromMillis && endMillis - millis <= toMillis;
        }
    }

    private JvmPauses() {
    }

    /** @return the JVM option that logs safepoints and GC, stamped in epoch ms, to {@code file} */
    static String logOption(Path file) {
        return "-Xlog:safepoint,gc:file=" + file + ":timemillis";
    }

    /** @return how many collections the log tells of so far */
    static long collections(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> line.contains("Garbage Collection (")).count();
        }
    }

    /** @return the pauses the log holds, none if there is no log (keepalived) */
    static List<Pause> read(Path file) throws IOException {
        List<Pause> pauses = new ArrayList<>();
        if (!Files.exists(file)) {
            return pauses;
        }
        for (String line : Files.readAllLines(file)) {
            Matcher safepoint = SAFEPOINT.matcher(line);
            Matcher stall = ALLOCATION_STALL.matcher(line);
            if (safepoint.find()) {
                pauses.add(new Pause(Long.parseLong(safepoint.group(1)), Long.parseLong(safepoint.group(3)) / 1e6,
                        "safepoint " + safepoint.group(2)));
            } else if (stall.find()) {
                pauses.add(new Pause(Long.parseLong(stall.group(1)), Double.parseDouble(stall.group(3)),
                        "allocation stall of " + stall.group(2)));
            }
        }
        return pauses;
    }
}
