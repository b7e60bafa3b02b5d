package org.jkeepalived.config.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;

/**
 * {@code bin/jkeepalived -t[FILE]}: checks a configuration outside the container, as
 * {@code keepalived --config-test} does, and exits with keepalived's status: 0 when it has no error,
 * 3 when it cannot be read, 4 when it has errors. Diagnostics go to stderr, or to FILE.
 *
 * <p>Usage: {@code ConfigTest [-i CONFIG_ID] [-o OUTPUT_FILE] CONFIG_FILE}. The checker plugins are
 * those of the class path.
 */
public final class ConfigTest {

    /** keepalived's status when the configuration cannot be run at all. */
    static final int CANNOT_RUN = 3;
    /** keepalived's status when the configuration has errors. */
    static final int ERRORS = 4;
    /** Usage errors, as the launcher's. */
    static final int USAGE = 1;

    private ConfigTest() {
    }

    public static void main(String[] arguments) {
        System.exit(run(arguments, System.getProperty("java.class.path", ""), System.err));
    }

    /**
     * @param arguments the command line
     * @param classPath where the checker plugins are looked for
     * @param err where diagnostics go without {@code -o}
     * @return the exit status
     */
    static int run(String[] arguments, String classPath, PrintStream err) {
        String configId = null;
        String output = null;
        String file = null;
        for (int i = 0; i < arguments.length; i++) {
            switch (arguments[i]) {
                case "-i" -> configId = i + 1 < arguments.length ? arguments[++i] : null;
                case "-o" -> output = i + 1 < arguments.length ? arguments[++i] : null;
                default -> file = arguments[i];
            }
        }
        if (file == null) {
            err.println("usage: ConfigTest [-i CONFIG_ID] [-o OUTPUT_FILE] CONFIG_FILE");
            return USAGE;
        }
        CheckerDiscovery.Found checkers = CheckerDiscovery.onClassPath(classPath, ConfigTest.class.getClassLoader());
        ConfigReader.Builder builder = ConfigReader.builder().checkers(checkers::factory);
        if (configId != null) {
            builder.configId(configId);
        }
        ConfigResult result = builder.build().read(Path.of(file));
        StringBuilder report = new StringBuilder();
        for (String problem : checkers.problems()) {
            report.append(file).append(": warning: ").append(problem).append('\n');
        }
        result.diagnostics().forEach(diagnostic -> report.append(diagnostic).append('\n'));
        report.append(result.summary()).append('\n');
        if (output == null) {
            err.print(report);
            err.flush();
        } else {
            try {
                Files.writeString(Path.of(output), report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException | RuntimeException e) {
                err.println("cannot write " + output + ": " + e.getMessage());
                return USAGE;
            }
        }
        if (!result.readable()) {
            return CANNOT_RUN;
        }
        return result.hasErrors() ? ERRORS : 0;
    }
}
