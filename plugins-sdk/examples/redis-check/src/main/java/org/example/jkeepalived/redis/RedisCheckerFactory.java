package org.example.jkeepalived.redis;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.Diagnostics;
import org.osgi.service.component.annotations.Component;

/**
 * {@code REDIS_CHECK}: the real server is up when it answers {@code PING} with {@code PONG}, after
 * {@code AUTH} if the block gives a {@code password} (and {@code username}), and, if the block gives
 * a {@code role}, when {@code INFO replication} says it is that: {@code master} or {@code replica}.
 *
 * <pre>
 * REDIS_CHECK {
 *     connect_timeout 2
 *     password s3cret
 *     role master
 * }
 * </pre>
 */
@Component(service = CheckerFactory.class)
public final class RedisCheckerFactory implements CheckerFactory {

    @Override
    public String keyword() {
        return "REDIS_CHECK";
    }

    @Override
    public Set<String> subKeywords() {
        return Set.of("username", "password", "role");
    }

    @Override
    public CheckerDefinition bind(ConfigBlock block, Diagnostics diagnostics) {
        String username = oneWord(block, "username", diagnostics);
        String password = oneWord(block, "password", diagnostics);
        if (!username.isEmpty() && password.isEmpty()) {
            diagnostics.error(block.last("username").orElseThrow().location(),
                    "username needs a password: AUTH takes both, as in password s3cret");
        }
        Optional<ReplicationRole> role = Optional.empty();
        Optional<ConfigEntry> roleEntry = block.last("role");
        if (roleEntry.isPresent()) {
            String word = oneWord(block, "role", diagnostics);
            role = ReplicationRole.ofKeyword(word);
            if (role.isEmpty() && !word.isEmpty()) {
                diagnostics.error(roleEntry.get().argumentLocation(0), "role is master or replica, found " + word);
            }
        }
        return new RedisCheckDefinition(username, password, role);
    }

    /** @return the one argument of the last {@code keyword} entry, empty if there is none or it is wrong (reported) */
    private static String oneWord(ConfigBlock block, String keyword, Diagnostics diagnostics) {
        Optional<ConfigEntry> entry = block.last(keyword);
        if (entry.isEmpty()) {
            return "";
        }
        List<String> arguments = entry.get().arguments();
        if (arguments.size() != 1) {
            diagnostics.error(entry.get().location(), keyword + " takes one word, found " + arguments.size());
            return "";
        }
        return arguments.get(0);
    }
}
