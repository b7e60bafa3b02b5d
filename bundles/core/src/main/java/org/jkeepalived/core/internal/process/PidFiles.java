package org.jkeepalived.core.internal.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pid files of this process, as keepalived keeps its own: written whole (never a half-written
 * pid), removed on a clean stop, and left alone if another process has written its pid there since.
 */
final class PidFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PidFiles.class);

    private final List<Path> files;
    private final String content;

    PidFiles(List<Path> files, long pid) {
        this.files = List.copyOf(files);
        this.content = pid + "\n";
    }

    /** Writes every file; a file that cannot be written is reported and the others still written. */
    void write() {
        for (Path file : files) {
            try {
                Path directory = file.toAbsolutePath().getParent();
                Files.createDirectories(directory);
                Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
                try {
                    Files.writeString(temporary, content, StandardCharsets.US_ASCII);
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(temporary);
                }
                LOG.debug("pid file {} written", file);
            } catch (IOException e) {
                LOG.error("cannot write pid file {}: {}; running without it", file, e.toString());
            }
        }
    }

    /** Removes the files that still hold this process's pid. */
    void remove() {
        for (Path file : files) {
            try {
                if (Files.readString(file, StandardCharsets.US_ASCII).equals(content)) {
                    Files.delete(file);
                } else {
                    LOG.warn("pid file {} now names another process; left in place", file);
                }
            } catch (NoSuchFileException e) {
                LOG.debug("pid file {} was already removed", file);
            } catch (IOException e) {
                LOG.error("cannot remove pid file {}: {}", file, e.toString());
            }
        }
    }
}
