package org.example.jkeepalived.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.testkit.CheckerTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * REDIS_CHECK against real Redis servers on loopback: a master with a password and a replica of it,
 * bound and probed by the checker test kit as jkeepalived binds and probes it.
 */
class RedisCheckerTest {

    private static final String PASSWORD = "s3cret";

    private static RedisServer master;
    private static RedisServer replica;

    private final CheckerTestKit kit = CheckerTestKit.of(new RedisCheckerFactory());

    @BeforeAll
    static void startServers() throws Exception {
        assumeTrue(Files.isExecutable(RedisServer.EXECUTABLE), "needs redis-server (apt-get install redis-server)");
        master = RedisServer.start("--requirepass", PASSWORD);
        replica = RedisServer.start("--requirepass", PASSWORD, "--masterauth", PASSWORD,
                "--replicaof", "127.0.0.1", Integer.toString(master.port()));
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (replica != null) {
            replica.close();
        }
        if (master != null) {
            master.close();
        }
    }

    @AfterEach
    void closeKit() {
        kit.close();
    }

    @Test
    void theRightPasswordGetsPong() {
        CheckOutcome outcome = kit.probe("REDIS_CHECK {\n    password " + PASSWORD + "\n}", master.address());

        assertEquals(CheckOutcome.up("Redis PONG"), outcome);
    }

    @Test
    void aWrongPasswordIsDownWithRedisReason() {
        CheckOutcome outcome = kit.probe("REDIS_CHECK {\n    password wrong\n}", master.address());

        assertFalse(outcome.isUp());
        assertTrue(outcome.detail().startsWith("AUTH refused: WRONGPASS"), outcome::toString);
    }

    @Test
    void noPasswordForAProtectedServerIsDown() {
        CheckOutcome outcome = kit.probe("REDIS_CHECK {\n}", master.address());

        assertFalse(outcome.isUp());
        assertTrue(outcome.detail().startsWith("PING refused: NOAUTH"), outcome::toString);
    }

    @Test
    void theMasterIsUpAsMasterAndDownAsReplica() {
        assertEquals(CheckOutcome.up("Redis PONG, role master"),
                kit.probe("REDIS_CHECK {\n    password " + PASSWORD + "\n    role master\n}", master.address()));
        assertEquals(CheckOutcome.down("role master, expected replica"),
                kit.probe("REDIS_CHECK {\n    password " + PASSWORD + "\n    role replica\n}", master.address()));
    }

    @Test
    void theReplicaIsUpAsReplicaAndDownAsMaster() {
        assertEquals(CheckOutcome.up("Redis PONG, role replica"),
                kit.probe("REDIS_CHECK {\n    password " + PASSWORD + "\n    role replica\n}", replica.address()));
        assertEquals(CheckOutcome.down("role replica, expected master"),
                kit.probe("REDIS_CHECK {\n    password " + PASSWORD + "\n    role master\n}", replica.address()));
    }

    @Test
    void aStoppedServerIsDown() throws Exception {
        InetSocketAddress address;
        try (RedisServer stopped = RedisServer.start()) {
            address = stopped.address();
            assertEquals(CheckOutcome.up("Redis PONG"), kit.probe("REDIS_CHECK {\n}", address));
        }

        CheckOutcome outcome = kit.probe("REDIS_CHECK {\n    connect_timeout 2\n}", address);

        assertEquals(CheckOutcome.down("cannot connect: Connection refused"), outcome);
    }

    @Test
    void badSettingsAreErrorsAtTheirPlace() {
        assertEquals(List.of(
                        "checker.conf:2:10: error: role is master or replica, found primary",
                        "checker.conf:3:5: error: password takes one word, found 2",
                        "checker.conf:4:5: error: username needs a password: AUTH takes both, as in password s3cret"),
                diagnostics("REDIS_CHECK {\n    role primary\n    password two words\n    username ops\n}"));
    }

    private List<String> diagnostics(String block) {
        return kit.diagnostics(block).stream().map(Object::toString).collect(Collectors.toList());
    }
}
