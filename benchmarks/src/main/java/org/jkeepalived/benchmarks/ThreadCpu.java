package org.jkeepalived.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time of a process's threads from {@code /proc/PID/task/TID/stat}, split between user
 * space and the kernel, so that a figure for the whole process can say which threads took it and
 * how much of it went to system calls. Threads are grouped by name with digits folded
 * ({@code checker-1} and {@code checker-2} are {@code checker-N}).
 */
final class ThreadCpu {

    /** Clock ticks per second of /proc's times: USER_HZ, 100 on every Linux architecture jkeepalived runs on. */
    static final double TICKS_PER_SECOND = 100;

    /** Each thread's name and its user and kernel ticks, by thread id. */
    private final Map<String, Times> byThread;

    private ThreadCpu(Map<String, Times> byThread) {
        this.byThread = byThread;
    }

    /** @return the threads of the process as they are now; none if it is gone */
    static ThreadCpu of(long pid) {
        Map<String, Times> byThread = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    byThread.put(task.getFileName().toString(), read(task.resolve("stat")));
                } catch (NoSuchFileException e) {
                    // the thread ended between the listing and the reading
                }
            }
        } catch (NoSuchFileException e) {
            return new ThreadCpu(Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ThreadCpu(byThread);
    }

    /**
     * @param stat a /proc/PID/stat or /proc/PID/task/TID/stat file
     * @return its command name, and its utime and stime (fields 14 and 15, counted after the name, which may hold spaces)
     */
    static Times read(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return new Times(text.substring(text.indexOf('(') + 1, text.lastIndexOf(')')), Long.parseLong(fields[11]),
                Long.parseLong(fields[12]));
    }

    /**
     * @param earlier the same process before
     * @param seconds the time between the two
     * @param groups how many groups to list, the busiest first
     * @return one line per group of threads: cores in all, in user space and in the kernel
     */
    List<String> busiestSince(ThreadCpu earlier, double seconds, int groups) {
        Map<String, Times> byGroup = new HashMap<>();
        byThread.forEach((thread, now) -> {
            Times spent = now.since(earlier.byThread.getOrDefault(thread, new Times(now.name(), 0, 0)));
            byGroup.merge(now.name().replaceAll("\\d+", "N"), spent, Times::plus);
        });
        return byGroup.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Times> group) -> group.getValue().total()).reversed())
                .limit(groups)
                .map(group -> String.format(Locale.ROOT, "%-16s %.3f of a core (user %.3f, kernel %.3f)", group.getKey(),
                        cores(group.getValue().total(), seconds), cores(group.getValue().user(), seconds),
                        cores(group.getValue().system(), seconds)))
                .toList();
    }

    private static double cores(long ticks, double seconds) {
        return ticks / TICKS_PER_SECOND / seconds;
    }

    /** A thread's or process's name and CPU ticks. */
    record Times(String name, long user, long system) {

        long total() {
            return user + system;
        }

        /** @return the ticks spent since {@code earlier}, under this name */
        Times since(Times earlier) {
            return new Times(name, user - earlier.user, system - earlier.system);
        }

        Times plus(Times other) {
            return new Times(name, user + other.user, system + other.system);
        }
    }
}
