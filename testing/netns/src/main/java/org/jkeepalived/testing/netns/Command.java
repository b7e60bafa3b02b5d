package org.jkeepalived.testing.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion and keeps what it printed. */
public final class Command {

    private Command() {
    }

    /** What a command printed and how it ended. */
    public record Result(List<String> command, int exitCode, String output, String errors) {

        /** @return whether the command exited with 0 */
        public boolean succeeded() {
            return exitCode == 0;
        }

        /**
         * @return the output
         * @throws IllegalStateException naming the command and its errors if it failed
         */
        public String orFail() {
            if (!succeeded()) {
                throw new IllegalStateException(String.join(" ", command) + " failed with " + exitCode + ": " + errors + output);
            }
            return output;
        }
    }

    /**
     * @param command the command and its arguments
     * @return what it printed and its exit code, after at most 60 s
     */
    public static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process, true));
            String output = read(process, false);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out after 60 s: " + String.join(" ", command));
            }
            return new Result(List.copyOf(command), process.exitValue(), output, errors.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param command the command and its arguments
     * @return its output
     * @throws IllegalStateException if it failed
     */
    public static String runOrFail(String... command) {
        return run(List.of(command)).orFail();
    }

    private static String read(Process process, boolean errors) {
        try {
            byte[] bytes = (errors ? process.getErrorStream() : process.getInputStream()).readAllBytes();
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
