package ${package};

import io.netty.channel.EventLoop;
import org.jkeepalived.checker.api.CheckContext;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.api.CheckerDefinition;

/**
 * A bound ${keyword} block. A record, so that equal blocks give equal definitions and a reload that
 * leaves the block as it was keeps the running checker and its real server's state.
 *
 * @param greeting what the server's first line starts with, empty for any line
 */
record ${checkerName}CheckDefinition(String greeting) implements CheckerDefinition {

    @Override
    public Checker newChecker(CheckTarget target, CheckContext context) {
        // jkeepalived's checker loops are Netty event loops: the probe's channel runs on the one that calls it.
        return new ${checkerName}Checker(target, (EventLoop) context.executor(), greeting);
    }
}
