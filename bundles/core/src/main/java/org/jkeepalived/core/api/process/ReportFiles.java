package org.jkeepalived.core.api.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The files keepalived writes on a signal for operators and their scripts ({@code keepalived.data},
 * {@code keepalived.json}, {@code keepalived.stats}): readable by their owner only, as keepalived's,
 * and replaced whole, so that a reader never sees half of one.
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    /**
     * Replaces a file with a text.
     *
     * @param file the file
     * @param text its new content
     * @throws IOException if it cannot be written; the file is then as it was
     */
    public static void replace(Path file, String text) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(next);
        Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(next, text, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(next);
        }
    }
}
