package org.example.jkeepalived.redis;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jkeepalived.checker.testkit.DistributionUnderTest;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle as built, hot-deployed into the running jkeepalived distribution, checking a Redis
 * master and its replica on the distribution's loopback: a virtual server that wants the master sees
 * the master up and the replica down, and after a failover (the replica promoted, the master
 * stopped) the other way round.
 */
class RedisHotDeployIT {

    private static final String PASSWORD = "s3cret";
    private static final int MASTER_PORT = 6379;
    private static final int REPLICA_PORT = 6380;
    private static final String CONFIG = """
            virtual_server 192.0.2.1 6379 {
                protocol TCP
                delay_loop 1
                real_server 127.0.0.1 %1$d {
                    REDIS_CHECK {
                        password %3$s
                        role master
                        connect_timeout 2
                        retry 0
                    }
                }
                real_server 127.0.0.1 %2$d {
                    REDIS_CHECK {
                        password %3$s
                        role master
                        connect_timeout 2
                        retry 0
                    }
                }
            }
            """.formatted(MASTER_PORT, REPLICA_PORT, PASSWORD);

    @TempDir
    Path directory;

    @Test
    void theDeployedBundleFollowsTheMasterThroughAFailover() throws Exception {
        assumeTrue(Files.isExecutable(RedisServer.EXECUTABLE), "needs redis-server (apt-get install redis-server)");
        try (DistributionUnderTest jkeepalived = DistributionUnderTest.start(directory, CONFIG)) {
            NetworkNamespace namespace = jkeepalived.namespace();
            Process master = redis(namespace, directory, MASTER_PORT);
            redis(namespace, directory, REPLICA_PORT, "--masterauth", PASSWORD, "--replicaof", "127.0.0.1", Integer.toString(MASTER_PORT));

            jkeepalived.deploy(Path.of(System.getProperty("plugin.jar")));

            jkeepalived.awaitShell("keepalived:checkers", checkers -> Pattern.compile(
                    "REDIS_CHECK\\s*\\|\\s*org\\.example\\.jkeepalived\\.redis-check\\s*\\|\\s*1\\.0\\.0\\s*\\|\\s*\\d+\\s*\\|\\s*serving")
                    .matcher(checkers).find(), Duration.ofSeconds(60));
            jkeepalived.awaitShell("keepalived:checks", checks -> row(MASTER_PORT, "up").matcher(checks).find()
                    && row(REPLICA_PORT, "down").matcher(checks).find(), Duration.ofSeconds(60));
            assertTrue(jkeepalived.shell("keepalived:checks 127.0.0.1:" + REPLICA_PORT).contains("role replica, expected master"));
            jkeepalived.awaitLog("Redis PONG, role master to [127.0.0.1]:tcp:" + MASTER_PORT + " success.", Duration.ofSeconds(10));

            namespace.execOrFail("redis-cli", "-p", Integer.toString(REPLICA_PORT), "--no-auth-warning", "-a", PASSWORD,
                    "REPLICAOF", "NO", "ONE");
            master.destroy();

            jkeepalived.awaitShell("keepalived:checks", checks -> row(MASTER_PORT, "down").matcher(checks).find()
                    && row(REPLICA_PORT, "up").matcher(checks).find(), Duration.ofSeconds(60));
            assertTrue(jkeepalived.shell("keepalived:checks 127.0.0.1:" + MASTER_PORT).contains("cannot connect"));
        }
    }

    /** Starts a redis-server on the namespace's loopback; it goes with the namespace. */
    private static Process redis(NetworkNamespace namespace, Path testDirectory, int port, String... options) throws Exception {
        // a replica writes the master's snapshot to its directory: one of the test's
        Path directory = Files.createDirectory(testDirectory.resolve("redis-" + port));
        List<String> command = new ArrayList<>(List.of(RedisServer.EXECUTABLE.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", directory.toString(), "--save", "", "--appendonly", "no", "--requirepass", PASSWORD));
        command.addAll(List.of(options));
        return namespace.processBuilder(command.toArray(String[]::new)).redirectErrorStream(true)
                .redirectOutput(directory.resolve("redis.log").toFile()).start();
    }

    /** A row of keepalived:checks: real server, state, weight 1, REDIS_CHECK and its state. */
    private static Pattern row(int port, String state) {
        return Pattern.compile("\\[127\\.0\\.0\\.1\\]:tcp:" + port + "\\s*\\|\\s*" + state + "\\s*\\|\\s*1\\s*\\|\\s*REDIS_CHECK " + state);
    }
}
