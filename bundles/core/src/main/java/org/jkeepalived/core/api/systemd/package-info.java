/**
 * The service manager that supervises the process: systemd with {@code Type=notify}, told of
 * readiness, reloads and stops over {@code $NOTIFY_SOCKET}, and pinged while the watchdog sees
 * every loop answer.
 */
@Export
@Version("1.0.0")
package org.jkeepalived.core.api.systemd;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
