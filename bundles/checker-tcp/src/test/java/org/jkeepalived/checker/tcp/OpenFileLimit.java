package org.jkeepalived.checker.tcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * This JVM's open file limit lowered, with prlimit(1), to the descriptors it has open, and the room
 * left filled: until it is closed, making a socket fails with EMFILE as on a host out of descriptors.
 */
final class OpenFileLimit implements AutoCloseable {

    private static final Path DEV_NULL = Path.of("/dev/null");
    /** Descriptors the fillers hold above those open, so that closing them leaves room to run prlimit again. */
    private static final int ROOM_TO_RESTORE = 32;

    private final String restore;
    private final List<FileChannel> fillers = new ArrayList<>();

    private OpenFileLimit(String restore) {
        this.restore = restore;
    }

    static OpenFileLimit lowerToWhatIsOpen() throws IOException, InterruptedException {
        String soft = prlimit("--nofile", "--output=SOFT", "--noheadings").trim();
        long open = settledCount();
        prlimit("--nofile=" + (open + ROOM_TO_RESTORE) + ":");
        OpenFileLimit limit = new OpenFileLimit(soft);
        limit.fill();
        return limit;
    }

    /**
     * Takes again the descriptors other threads closed since (a cleaner, a loop closing a probe's
     * socket), once none closes any more.
     */
    void topUp() throws IOException, InterruptedException {
        settledCount();
        fill();
    }

    private void fill() throws IOException, InterruptedException {
        try {
            while (true) {
                fillers.add(FileChannel.open(DEV_NULL));
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("Too many open files")) {
                close();
                throw full;
            }
        }
    }

    /** The descriptors open once no other thread closes one any more, as a loop closing a probe's socket. */
    private static long settledCount() throws IOException, InterruptedException {
        long last = -1;
        for (int same = 0; same < 3; ) {
            Thread.sleep(50);
            long now;
            try (var descriptors = java.nio.file.Files.list(Path.of("/proc/self/fd"))) {
                now = descriptors.count();
            }
            same = now == last ? same + 1 : 0;
            last = now;
        }
        return last;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (FileChannel filler : fillers) {
            filler.close();
        }
        prlimit("--nofile=" + restore + ":");
    }

    private static String prlimit(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("prlimit", "--pid", Long.toString(ProcessHandle.current().pid())));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        // every pipe closed now, not by a cleaner at some later time, when it would free a descriptor
        try (var input = process.getInputStream(); var stdin = process.getOutputStream(); var stderr = process.getErrorStream()) {
            output = new String(input.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new UncheckedIOException(new IOException(String.join(" ", command) + " failed: " + output));
        }
        return output;
    }
}
