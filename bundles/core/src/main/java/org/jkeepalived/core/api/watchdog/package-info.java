/**
 * The watchdog: it sends a hello through every supervised loop at a set period; a loop that does
 * not run it within its deadline is stuck, and its subsystem is restarted on a fresh loop, as
 * keepalived's parent process restarts a VRRP or checker child that died.
 *
 * <p>A subsystem offers its loops as a {@link org.jkeepalived.core.api.watchdog.Supervised} service
 * and says how it restarts; {@link org.jkeepalived.core.api.watchdog.WatchdogListener} services hear
 * of every restart (alerts); {@link org.jkeepalived.core.api.watchdog.Watchdog} tells whether every
 * loop answers (systemd's WATCHDOG=1).
 */
@Export
@Version("1.0.0")
package org.jkeepalived.core.api.watchdog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
