package org.jkeepalived.config.api.model;

import java.util.List;
import java.util.Optional;

/**
 * A script to run: a notify script, a vrrp_script, a MISC_CHECK's misc_path, a quorum or lifecycle
 * script. keepalived.conf gives it as one (usually quoted) string with backslash escapes, split into
 * words with single or double quotes grouping, then optionally the user and group to run it as.
 *
 * @param command the command string, escapes decoded, as it would be given to a shell
 * @param argv the command split into words; the first is the program
 * @param user the user to run it as: its own, else global_defs' script_user, else keepalived_script
 *             if that user exists; absent to run it as jkeepalived's own user
 * @param group the group to run it as, if given (otherwise the user's group)
 * @param refused why it must not be run, if global_defs' enable_script_security refuses it: its
 *                program is missing or not executable by its user, or it runs with root's powers
 *                and someone other than root could replace it
 */
public record Script(String command, List<String> argv, Optional<String> user, Optional<String> group,
        Optional<String> refused) {

    public Script {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a script needs a program: " + command);
        }
    }

    /** A script that may be run. */
    public Script(String command, List<String> argv, Optional<String> user, Optional<String> group) {
        this(command, argv, user, group, Optional.empty());
    }

    /** @return whether it may be run: enable_script_security does not refuse it */
    public boolean runnable() {
        return refused.isEmpty();
    }

    /** @return the program, the first word of the command */
    public String program() {
        return argv.get(0);
    }

    @Override
    public String toString() {
        return command + user.map(u -> " (as " + u + group.map(g -> ":" + g).orElse("") + ")").orElse("");
    }
}
