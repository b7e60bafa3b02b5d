package org.jkeepalived.itests.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker API's baseline check at work: a copy of the API module, changed as a careless
 * release would change it, fails its build against the published API unless the package version
 * says what the change is.
 */
class ApiBaselineIT {

    private static final Path CHECKER_API = Path.of(System.getProperty("jkeepalived.source"), "plugins-sdk", "checker-api");
    private static final String PACKAGE = "src/main/java/org/jkeepalived/checker/api/";

    @TempDir
    Path directory;

    @Test
    void aMethodAddedToAnInterfacePluginsImplementNeedsTheNextMajorVersion() throws IOException {
        Path api = MavenRun.copy(CHECKER_API, directory.resolve("checker-api"));
        edit(api.resolve(PACKAGE + "Checker.java"), "    CompletableFuture<CheckOutcome> check();\n",
                "    CompletableFuture<CheckOutcome> check();\n\n    /** @return the checker's name */\n    String name();\n");

        MavenRun.Result unbumped = MavenRun.run(api, directory.resolve("unbumped.log"), "verify");

        assertThat(unbumped.exitCode()).as(unbumped.output()).isNotZero();
        assertThat(unbumped.output()).contains("Baseline problems detected")
                .containsPattern("org\\.jkeepalived\\.checker\\.api\\s+PACKAGE\\s+MAJOR\\s+1\\.1\\.0\\s+1\\.1\\.0\\s+2\\.0\\.0");

        edit(api.resolve(PACKAGE + "package-info.java"), "@Version(\"1.1.0\")", "@Version(\"2.0.0\")");

        MavenRun.Result bumped = MavenRun.run(api, directory.resolve("bumped.log"), "verify");

        assertThat(bumped.exitCode()).as(bumped.output()).isZero();
        assertThat(bumped.output()).contains("Baseline check succeeded");
    }

    @Test
    void aMethodAddedToAnInterfaceThePlatformImplementsNeedsTheNextMinorVersion() throws IOException {
        Path api = MavenRun.copy(CHECKER_API, directory.resolve("checker-api"));
        edit(api.resolve(PACKAGE + "CheckContext.java"), "    String name();\n",
                "    String name();\n\n    /** @return the real server's weight */\n    int weight();\n");

        MavenRun.Result unbumped = MavenRun.run(api, directory.resolve("unbumped.log"), "verify");

        assertThat(unbumped.exitCode()).as(unbumped.output()).isNotZero();
        assertThat(unbumped.output())
                .containsPattern("org\\.jkeepalived\\.checker\\.api\\s+PACKAGE\\s+MINOR\\s+1\\.1\\.0\\s+1\\.1\\.0\\s+1\\.2\\.0");

        edit(api.resolve(PACKAGE + "package-info.java"), "@Version(\"1.1.0\")", "@Version(\"1.2.0\")");

        assertThat(MavenRun.run(api, directory.resolve("bumped.log"), "verify").exitCode()).isZero();
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as("%s holds what the test changes", file).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
