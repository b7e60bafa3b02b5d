package org.jkeepalived.vrrp.internal.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * nft(8), the nftables tool, run with a script on its standard input: the kernel takes the whole
 * script as one transaction, or none of it. A run that does not end within its time is killed, so
 * that a wedged tool cannot hold its caller for ever.
 */
final class Nft {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Path program;

    private Nft(Path program) {
        this.program = program;
    }

    /** @return nft from the PATH, or /usr/sbin or /sbin, which a service's PATH may leave out; empty if there is none */
    static Optional<Nft> find() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.concat(Stream.of(path.split(":")), Stream.of("/usr/sbin", "/sbin"))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "nft"))
                .filter(Files::isExecutable)
                .findFirst()
                .map(Nft::new);
    }

    /**
     * Runs a script.
     *
     * @param script nft commands, one per line
     * @throws IOException if nft cannot run, does not end in time, or refuses the script; the
     *     message holds what it printed
     */
    void run(String script) throws IOException {
        Process process = new ProcessBuilder(program.toString(), "-f", "-").redirectErrorStream(true).start();
        try {
            try (OutputStream input = process.getOutputStream()) {
                input.write(script.getBytes(StandardCharsets.UTF_8));
            }
            // what it prints is a few lines at most, well within the pipe's buffer, so it is read after the end
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("nft did not end within " + TIMEOUT.toSeconds() + " s");
            }
            String output;
            try (InputStream printed = process.getInputStream()) {
                output = new String(printed.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (process.exitValue() != 0) {
                throw new IOException(output.isEmpty() ? "nft exited with " + process.exitValue() : output.replace('\n', ' '));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while nft ran", e);
        } finally {
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return program.toString();
    }
}
