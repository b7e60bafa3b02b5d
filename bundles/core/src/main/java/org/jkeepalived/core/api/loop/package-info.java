/**
 * Single-threaded event loops: the execution model of every jkeepalived subsystem that must keep
 * time (VRRP adverts, netlink, watchdog hellos).
 *
 * <p>A loop owns one thread. Everything registered with it (timers, file descriptors, tasks) runs on
 * that thread, one thing at a time, so the state a subsystem keeps on its loop needs no locks.
 * Timers are kept against absolute deadlines on {@link java.lang.System#nanoTime()}'s clock
 * ({@code CLOCK_MONOTONIC}): a periodic job that re-arms at {@code previousDeadline + period}
 * never drifts, however late one run was.
 */
@Export
@Version("1.1.0")
package org.jkeepalived.core.api.loop;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
