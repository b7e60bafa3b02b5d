package org.example.jkeepalived.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The role line of INFO replication, as Redis 7 writes it. */
class ReplicationRoleTest {

    @Test
    void theRoleLineNamesMasterOrReplica() {
        assertEquals(Optional.of(ReplicationRole.MASTER),
                ReplicationRole.ofInfo("# Replication\r\nrole:master\r\nconnected_slaves:1\r\n"));
        assertEquals(Optional.of(ReplicationRole.REPLICA),
                ReplicationRole.ofInfo("# Replication\r\nrole:slave\r\nmaster_host:127.0.0.1\r\n"));
        assertEquals(Optional.empty(), ReplicationRole.ofInfo("# Replication\r\nconnected_slaves:0\r\n"));
    }

    @Test
    void theConfigSaysReplicaOrItsOldNameSlave() {
        assertEquals(Optional.of(ReplicationRole.REPLICA), ReplicationRole.ofKeyword("replica"));
        assertEquals(Optional.of(ReplicationRole.REPLICA), ReplicationRole.ofKeyword("slave"));
        assertEquals(Optional.of(ReplicationRole.MASTER), ReplicationRole.ofKeyword("master"));
        assertEquals(Optional.empty(), ReplicationRole.ofKeyword("primary"));
    }
}
