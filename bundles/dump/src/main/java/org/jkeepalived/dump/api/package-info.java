/**
 * keepalived's state dumps, as operators know them from SIGUSR1 ({@code keepalived.data}) and
 * SIGJSON ({@code keepalived.json}), on demand.
 */
@Export
@Version("1.0.0")
package org.jkeepalived.dump.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
