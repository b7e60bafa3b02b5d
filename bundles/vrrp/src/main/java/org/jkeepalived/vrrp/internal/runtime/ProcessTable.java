package org.jkeepalived.vrrp.internal.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes that run now, read from /proc. Zombies are left out: they have ended, only their
 * parent has not reaped them yet. A process that ends while it is read is left out too.
 */
final class ProcessTable {

    private static final Path PROC = Path.of("/proc");

    private ProcessTable() {
    }

    /**
     * @param commandLines whether to read each process's command line too, which costs more
     * @return the processes running
     * @throws IOException if /proc cannot be listed
     */
    static List<RunningProcess> read(boolean commandLines) throws IOException {
        List<RunningProcess> running = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, ProcessTable::isProcess)) {
            for (Path process : entries) {
                try {
                    String name = runningName(Files.readAllBytes(process.resolve("stat")));
                    if (name != null) {
                        running.add(new RunningProcess(name,
                                commandLines ? argv(Files.readAllBytes(process.resolve("cmdline"))) : List.of()));
                    }
                } catch (IOException e) {
                    // it ended while it was read
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return running;
    }

    private static boolean isProcess(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * Reads {@code PID (NAME) STATE ...}; the name may hold spaces and parentheses, so it ends at the
     * last ')'.
     *
     * @return the name, or null for a zombie or a process that is dead
     */
    private static String runningName(byte[] stat) {
        int open = indexOf(stat, (byte) '(');
        int close = lastIndexOf(stat, (byte) ')');
        if (open < 0 || close < open || close + 2 >= stat.length) {
            return null;
        }
        byte state = stat[close + 2];
        if (state == 'Z' || state == 'X') {
            return null;
        }
        return new String(stat, open + 1, close - open - 1, StandardCharsets.UTF_8);
    }

    private static List<String> argv(byte[] cmdline) {
        List<String> argv = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                argv.add(new String(cmdline, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < cmdline.length) {
            argv.add(new String(cmdline, start, cmdline.length - start, StandardCharsets.UTF_8));
        }
        return argv;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte wanted) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
