package org.jkeepalived.vrrp.internal.runtime;

import com.sun.jna.LastErrorException;
import org.jkeepalived.config.api.model.vrrp.Scheduling;
import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.core.api.linux.LinuxLibc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules the VRRP loop's thread as vrrp_priority and vrrp_rt_priority say: keepalived sets them
 * for its VRRP process, jkeepalived for the one thread that sends and receives the adverts, so that
 * a busy host delays them no more than the kernel must. Used on that thread only: Linux schedules
 * each thread apart, and thread 0 in its calls is the calling one. A fresh loop's thread starts with
 * the ordinary scheduler, as the thread that made it has.
 */
final class LoopScheduling {

    private static final Logger LOG = LoggerFactory.getLogger(LoopScheduling.class);

    private Scheduling applied = Scheduling.DEFAULT;

    /** On the loop's thread: applies the scheduling if the thread does not have it already. */
    void apply(Scheduling wanted) {
        if (wanted.equals(applied)) {
            return;
        }
        try {
            int policy = wanted.realtime() ? LinuxLibc.SCHED_RR : LinuxLibc.SCHED_OTHER;
            // scripts the loop starts run as ordinary processes
            LinuxLibc.sched_setscheduler(0, policy | LinuxLibc.SCHED_RESET_ON_FORK, new int[] {wanted.realtimePriority()});
            LinuxLibc.setpriority(LinuxLibc.PRIO_PROCESS, 0, wanted.niceness());
            applied = wanted;
            LOG.info("VRRP loop scheduled {}, niceness {}", wanted.realtime() ? "SCHED_RR at priority " + wanted.realtimePriority()
                    : "by the ordinary scheduler", wanted.niceness());
        } catch (LastErrorException e) {
            LOG.warn("vrrp_rt_priority {} and vrrp_priority {} cannot be applied to the VRRP loop: {}; it keeps its scheduling",
                    wanted.realtimePriority(), wanted.niceness(), Errno.describe(e));
        }
    }
}
