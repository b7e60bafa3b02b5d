package org.jkeepalived.itests.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jkeepalived.itests.distribution.Distribution.Result;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugins SDK as a third party uses it, each project built by a Maven run of its own against
 * the SDK jars this build installed, never as a module of this build: a project fresh from the
 * checker archetype, and the REDIS_CHECK example. Each one's tests include its hot-deploy test,
 * which boots this distribution, drops the bundle into deploy/ and watches it check real servers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginSdkIT {

    private static final Path REDIS_EXAMPLE = Path.of(System.getProperty("jkeepalived.source"), "plugins-sdk", "examples", "redis-check");
    private static final Pattern REPORT = Pattern.compile(
            "tests=\"(\\d+)\" errors=\"(\\d+)\" skipped=\"(\\d+)\" failures=\"(\\d+)\"");

    @TempDir
    static Path directory;

    @Test
    @Order(1)
    void aProjectFreshFromTheArchetypeBuildsTestsAndHotDeploysAsItIs() {
        maven(directory, "org.apache.maven.plugins:maven-archetype-plugin:" + System.getProperty("archetype.version") + ":generate",
                "-DarchetypeGroupId=org.jkeepalived", "-DarchetypeArtifactId=checker-archetype",
                "-DarchetypeVersion=" + Distribution.VERSION, "-DgroupId=com.example.checks", "-DartifactId=banner-check",
                "-Dversion=1.0.0", "-Dpackage=com.example.checks.banner", "-Dkeyword=BANNER_CHECK", "-DcheckerName=Banner");
        Path project = directory.resolve("banner-check");

        maven(project, "verify");

        assertPassed(project.resolve("target/surefire-reports/TEST-com.example.checks.banner.BannerCheckerTest.xml"), 4);
        assertPassed(project.resolve("target/failsafe-reports/TEST-com.example.checks.banner.BannerHotDeployIT.xml"), 1);
    }

    @Test
    @Order(2)
    void theRedisExampleBuildsOutsideTheReactorAndFollowsARedisFailoverOnceHotDeployed() {
        Path project = MavenRun.copy(REDIS_EXAMPLE, directory.resolve("redis-check"));

        maven(project, "verify", "-Djkeepalived.version=" + Distribution.VERSION);

        assertPassed(project.resolve("target/surefire-reports/TEST-org.example.jkeepalived.redis.RedisCheckerTest.xml"), 7);
        assertPassed(project.resolve("target/surefire-reports/TEST-org.example.jkeepalived.redis.RespCodecTest.xml"), 6);
        assertPassed(project.resolve("target/failsafe-reports/TEST-org.example.jkeepalived.redis.RedisHotDeployIT.xml"), 1);
    }

    @Test
    @Order(3)
    void configTestBindsRedisCheckBlocksWithThePluginInDeploy() throws IOException {
        Path plugin = directory.resolve("redis-check/target/redis-check-1.0.0.jar");
        try (Distribution distribution = Distribution.unpack(Files.createDirectory(directory.resolve("config-test")))) {
            Files.copy(plugin, distribution.deployDirectory().resolve("redis-check.jar"));
            Path config = directory.resolve("config-test/keepalived.conf");
            Files.writeString(config, """
                    virtual_server 192.0.2.1 6379 {
                        protocol TCP
                        real_server 192.0.2.10 6379 {
                            REDIS_CHECK {
                                password s3cret
                                role primary
                            }
                        }
                    }
                    """);

            Result result = distribution.launcher("-t", "-f", config.toString());

            assertThat(result.output()).contains(config + ":6:18: error: role is master or replica, found primary");
            assertThat(result.exitCode()).isNotZero();
        }
    }

    /** Runs Maven and fails with its output if it fails. */
    private static void maven(Path project, String... arguments) {
        try {
            MavenRun.Result result = MavenRun.run(project, Files.createTempFile(directory, "maven", ".log"), arguments);
            assertThat(result.exitCode()).as("mvn %s in %s:%n%s", String.join(" ", arguments), project, result.output()).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JUnit report shows {@code tests} tests, none failed or skipped: a test skipped for want of root or Redis fails here. */
    private static void assertPassed(Path report, int tests) {
        try {
            Matcher counts = REPORT.matcher(Files.readString(report, StandardCharsets.UTF_8));
            assertThat(counts.find()).as("counts in %s", report).isTrue();
            assertThat(List.of(counts.group(1), counts.group(2), counts.group(3), counts.group(4)))
                    .as("tests, errors, skipped, failures in %s", report)
                    .containsExactly(Integer.toString(tests), "0", "0", "0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
