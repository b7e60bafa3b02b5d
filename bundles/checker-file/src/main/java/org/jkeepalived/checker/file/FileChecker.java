package org.jkeepalived.checker.file;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.config.api.model.vrrp.TrackFile;

/**
 * Reads the track_file at each probe, on a thread of its own rather than the checker loop, as a
 * file system may be slow.
 */
final class FileChecker implements Checker {

    /** One thread reads files; it ends when idle, so a stopped plugin leaves none. */
    private static final ExecutorService READER = reader();

    private final FileCheckDefinition definition;
    private final TrackFiles trackFiles;

    FileChecker(FileCheckDefinition definition, TrackFiles trackFiles) {
        this.definition = definition;
        this.trackFiles = trackFiles;
    }

    @Override
    public CompletableFuture<CheckOutcome> check() {
        return CompletableFuture.supplyAsync(this::probe, READER);
    }

    private CheckOutcome probe() {
        Optional<TrackFile> file = trackFiles.named(definition.trackFile());
        if (file.isEmpty()) {
            return CheckOutcome.down("track_file " + definition.trackFile() + " is not defined in the configuration");
        }
        OptionalLong value = FileValue.read(Path.of(file.get().file()));
        if (value.isEmpty()) {
            return CheckOutcome.down("track_file " + definition.trackFile() + ": " + file.get().file() + " holds no number");
        }
        FileCheckDefinition.Weight weight = definition.weight()
                .orElseGet(() -> new FileCheckDefinition.Weight(file.get().weight(), file.get().reverse()));
        return FileValue.outcome(value.getAsLong(), weight.weight(), weight.reverse());
    }

    private static ExecutorService reader() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "file-check");
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
