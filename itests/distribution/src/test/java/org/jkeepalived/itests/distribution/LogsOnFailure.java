package org.jkeepalived.itests.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints the end of each log under a failed test's temporary directories (Karaf's log, the
 * launcher's console output) before they are deleted: a CI run keeps nothing else of a distribution
 * that misbehaved. Registered for every test of this module through the service loader.
 */
public final class LogsOnFailure implements TestExecutionExceptionHandler {

    private static final int LINES = 200;

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        for (Path directory : temporaryDirectories(context)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.filter(LogsOnFailure::isLog).sorted().forEach(LogsOnFailure::printTail);
            } catch (IOException | UncheckedIOException e) {
                System.out.println("--- the logs under " + directory + " could not be read: " + e);
            }
        }
        throw failure;
    }

    private static List<Path> temporaryDirectories(ExtensionContext context) throws IllegalAccessException {
        Object instance = context.getTestInstance().orElse(null);
        List<Path> directories = new ArrayList<>();
        for (Field field : context.getRequiredTestClass().getDeclaredFields()) {
            boolean isStatic = Modifier.isStatic(field.getModifiers());
            if (field.isAnnotationPresent(TempDir.class) && field.getType() == Path.class && (isStatic || instance != null)) {
                field.setAccessible(true);
                Path directory = (Path) field.get(isStatic ? null : instance);
                if (directory != null && Files.isDirectory(directory)) {
                    directories.add(directory);
                }
            }
        }
        return directories;
    }

    private static boolean isLog(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".log") || name.endsWith(".out"));
    }

    private static void printTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            System.out.println("--- the last " + LINES + " lines of " + log);
            lines.subList(Math.max(0, lines.size() - LINES), lines.size()).forEach(System.out::println);
        } catch (IOException e) {
            System.out.println("--- " + log + " could not be read: " + e);
        }
    }
}
