package org.example.jkeepalived.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.netty.channel.EventLoop;
import org.jkeepalived.checker.api.CheckContext;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.api.CheckerDefinition;

/**
 * A bound REDIS_CHECK block. A record, so that equal blocks give equal definitions and a reload that
 * leaves the block as it was keeps the running checker and its real server's state.
 *
 * @param username the ACL user for AUTH (Redis 6 and later), empty for the default user
 * @param password the password for AUTH, empty to send no AUTH
 * @param role the replication role the server must have, empty for any
 */
record RedisCheckDefinition(String username, String password, Optional<ReplicationRole> role) implements CheckerDefinition {

    /** The commands of one probe, sent at once: Redis answers them in order. */
    List<RespCommand> commands() {
        List<RespCommand> commands = new ArrayList<>(3);
        if (!password.isEmpty()) {
            commands.add(username.isEmpty() ? RespCommand.of("AUTH", password) : RespCommand.of("AUTH", username, password));
        }
        commands.add(RespCommand.of("PING"));
        if (role.isPresent()) {
            commands.add(RespCommand.of("INFO", "replication"));
        }
        return commands;
    }

    @Override
    public Checker newChecker(CheckTarget target, CheckContext context) {
        // jkeepalived's checker loops are Netty event loops: the probe's channel runs on the one that calls it.
        return new RedisChecker(target, (EventLoop) context.executor(), this);
    }
}
