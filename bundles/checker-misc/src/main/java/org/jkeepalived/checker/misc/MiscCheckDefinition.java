package org.jkeepalived.checker.misc;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.checker.api.CheckContext;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.api.CheckerDefinition;

/**
 * A bound MISC_CHECK block.
 *
 * @param command misc_path, split into the program and its arguments
 * @param timeout misc_timeout, if given
 * @param dynamic misc_dynamic: statuses 2 to 255 set the real server's weight
 * @param user the user to run the program as, if given; otherwise jkeepalived's own
 * @param group the group to run it as, if given; otherwise the user's
 */
record MiscCheckDefinition(List<String> command, Optional<Duration> timeout, boolean dynamic, Optional<String> user,
        Optional<String> group) implements CheckerDefinition {

    /** Copies the command. */
    MiscCheckDefinition {
        command = List.copyOf(command);
    }

    @Override
    public Checker newChecker(CheckTarget target, CheckContext context) {
        return new MiscChecker(this, context.executor());
    }

    /** misc_timeout, or as keepalived without it, the delay_loop. */
    @Override
    public Duration probeTimeout(CheckTarget target) {
        return timeout.orElse(target.delayLoop());
    }
}
