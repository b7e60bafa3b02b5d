package org.jkeepalived.vrrp.internal.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.jkeepalived.config.api.model.vrrp.TrackFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the track_files that instances track: writes init_file's value at start, reads each file
 * whenever it is written (inotify, through the JDK's watch service, on a thread of its own) and
 * reports its number. A file that is missing, unreadable or holds no number reads as 0, as an
 * empty file does, and the log says why.
 */
final class FileTracker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileTracker.class);

    private final WatchService watcher;
    private final BiConsumer<String, Long> changed;
    private final Map<Path, WatchKey> directories = new ConcurrentHashMap<>();
    /** The tracked files, by path; replaced whole on each reload. */
    private volatile Map<Path, TrackFile> files = Map.of();
    private final Map<String, Long> lastValues = new ConcurrentHashMap<>();
    private final Thread thread;

    /** @param changed told, on the tracker's thread, a track_file's name and its new value */
    FileTracker(BiConsumer<String, Long> changed) {
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            throw new IllegalStateException("cannot watch files: " + e.getMessage(), e);
        }
        this.changed = changed;
        this.thread = new Thread(this::watch, "vrrp-track-file");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * @param path a track_file's file
     * @return its value now
     */
    static long read(Path path) {
        try {
            String text = Files.readString(path, StandardCharsets.US_ASCII).trim();
            if (text.isEmpty()) {
                return 0;
            }
            // keepalived reads the leading number, as strtol does
            int end = 0;
            while (end < text.length() && (Character.isDigit(text.charAt(end)) || end == 0 && "+-".indexOf(text.charAt(0)) >= 0)) {
                end++;
            }
            return Long.parseLong(text.substring(0, end));
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException | NumberFormatException e) {
            LOG.warn("track_file {}: cannot read a number ({}); counting 0", path, e.getMessage());
            return 0;
        }
    }

    /**
     * Follows these files from now on; each one's value is reported at once.
     *
     * @param tracked the track_files some instance tracks
     */
    synchronized void track(List<TrackFile> tracked) {
        Map<Path, TrackFile> next = new HashMap<>();
        for (TrackFile file : tracked) {
            Path path = Path.of(file.file()).toAbsolutePath();
            initialise(file, path);
            next.put(path, file);
            directories.computeIfAbsent(path.getParent(), this::register);
        }
        files = next;
        lastValues.keySet().retainAll(next.values().stream().map(TrackFile::name).toList());
        next.forEach(this::report);
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.warn("closing the track_file watcher: {}", e.getMessage());
        }
    }

    private static void initialise(TrackFile file, Path path) {
        if (file.initialValue().isEmpty() || Files.exists(path) && !file.overwrite()) {
            return;
        }
        try {
            Files.writeString(path, file.initialValue().get() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            LOG.error("track_file {}: init_file cannot write {}: {}", file.name(), path, e.getMessage());
        }
    }

    private WatchKey register(Path directory) {
        try {
            return directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
            LOG.error("track_file: cannot watch {}: {}; its files are read at reload only", directory, e.getMessage());
            return null;
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path directory = (Path) key.watchable();
                Set<Path> touched = new HashSet<>();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name) {
                        touched.add(directory.resolve(name));
                    } else {
                        // the kernel dropped events: read every file of the directory again
                        files.keySet().stream().filter(p -> p.getParent().equals(directory)).forEach(touched::add);
                    }
                }
                key.reset();
                Map<Path, TrackFile> current = files;
                touched.stream().filter(current::containsKey).forEach(path -> report(path, current.get(path)));
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // stopped
        }
    }

    private synchronized void report(Path path, TrackFile file) {
        long value = read(path);
        Long before = lastValues.put(file.name(), value);
        if (before == null || before != value) {
            LOG.info("track_file {} ({}) reads {}", file.name(), path, value);
            changed.accept(file.name(), value);
        }
    }
}
