package org.jkeepalived.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The proportional set size of processes, from /proc/PID/smaps_rollup: each resident page counted
 * once, shared pages divided among the mappings that share them. Unlike the resident set size it
 * counts the heap of ZGC, which maps it three times, once, and shares libraries fairly between
 * processes.
 */
final class ProportionalSetSize {

    private ProportionalSetSize() {
    }

    /** @return the PSS of this process in KiB */
    static long self() {
        return kib(ProcessHandle.current().pid());
    }

    /** @return the PSS of a process and all its descendants in KiB, those that are gone counted as nothing */
    static long withDescendants(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants()).mapToLong(handle -> kib(handle.pid())).sum();
    }

    /** @return the PSS of one process in KiB, zero if it is gone */
    static long kib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup")).stream()
                    .filter(line -> line.startsWith("Pss:"))
                    .mapToLong(line -> Long.parseLong(line.substring("Pss:".length()).replace("kB", "").trim()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no Pss line in /proc/" + pid + "/smaps_rollup"));
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return KiB as MiB, one decimal */
    static String mib(long kib) {
        return String.format("%.1f MiB", kib / 1024.0);
    }
}
