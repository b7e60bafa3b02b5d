package org.jkeepalived.core.internal.watchdog;

import java.time.Duration;
import java.util.Set;

import org.jkeepalived.core.api.watchdog.LoopFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Blocks a supervised loop with a task that sleeps, as a handler stuck in a system call would. */
final class FaultInjection implements LoopFaults {

    private static final Logger LOG = LoggerFactory.getLogger(FaultInjection.class);

    private final LoopSupervisor supervisor;

    FaultInjection(LoopSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public Set<String> loops() {
        return supervisor.loopNames();
    }

    @Override
    public void block(String loop, Duration duration) {
        supervisor.loop(loop).orElseThrow(() -> new IllegalArgumentException(
                "no supervised loop is named " + loop + "; the loops are " + loops())).execute(() -> {
                    LOG.warn("fault injection: blocking loop {} for {} ms", loop, duration.toMillis());
                    try {
                        Thread.sleep(duration.toMillis());
                        LOG.warn("fault injection: loop {} runs again", loop);
                    } catch (InterruptedException e) {
                        LOG.warn("fault injection: loop {} interrupted while blocked", loop);
                        Thread.currentThread().interrupt();
                    }
                });
    }
}
