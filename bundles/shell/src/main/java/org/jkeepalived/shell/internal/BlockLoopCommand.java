package org.jkeepalived.shell.internal;

import java.time.Duration;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jkeepalived.core.api.watchdog.LoopFaults;

/**
 * Blocks a loop on purpose, to prove the watchdog. The fault injection service it needs exists only
 * when the container was started with {@code -Djkeepalived.watchdog.fault-injection=true}, so that
 * the command does nothing on a production host.
 */
@Command(scope = "keepalived", name = "block-loop",
        description = "Testing only: blocks a loop (vrrp, checker-1...) for some seconds, as a stuck handler would;"
                + " needs -Djkeepalived.watchdog.fault-injection=true")
@Service
public final class BlockLoopCommand implements Action {

    @Reference(optional = true)
    LoopFaults faults;

    @Argument(index = 0, name = "loop", description = "the loop's name", required = true)
    String loop;

    @Argument(index = 1, name = "seconds", description = "how long to block it", required = true)
    int seconds;

    @Override
    public Object execute() {
        if (faults == null) {
            System.out.println("fault injection is off: it is for tests only, and needs the container started with -D"
                    + LoopFaults.ENABLE_PROPERTY + "=true");
            return null;
        }
        faults.block(loop, Duration.ofSeconds(seconds));
        System.out.println("blocking loop " + loop + " for " + seconds + " s");
        return null;
    }
}
