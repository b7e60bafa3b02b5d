package org.jkeepalived.itests.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Maven run of its own, offline, on the local repository this build installed into: how a third
 * party builds against the released jars, without this build's reactor.
 */
final class MavenRun {

    private static final Path MAVEN = Path.of(System.getProperty("maven.home"), "bin", "mvn");
    private static final String LOCAL_REPOSITORY = System.getProperty("maven.repo.local");

    private MavenRun() {
    }

    record Result(int exitCode, String output) {
    }

    /**
     * @param project where to run
     * @param log where Maven's output goes
     * @param arguments goals and options
     * @return the exit code and output
     */
    static Result run(Path project, Path log, String... arguments) {
        List<String> command = new ArrayList<>(List.of(MAVEN.toString(), "-B", "-o", "-Dmaven.repo.local=" + LOCAL_REPOSITORY));
        command.addAll(List.of(arguments));
        try {
            Process maven = new ProcessBuilder(command).directory(project.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!maven.waitFor(15, TimeUnit.MINUTES)) {
                maven.descendants().forEach(ProcessHandle::destroyForcibly);
                maven.destroyForcibly().waitFor();
            }
            return new Result(maven.isAlive() ? -1 : maven.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Copies a project's sources, leaving any target/ of the source tree behind. */
    static Path copy(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(file -> !source.relativize(file).startsWith("target")).toList()) {
                Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
