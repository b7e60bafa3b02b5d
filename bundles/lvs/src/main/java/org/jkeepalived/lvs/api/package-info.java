/**
 * The virtual servers of the running configuration as the shell and metrics see them: their quorum,
 * sorry server, and each real server's health and weight in the data plane.
 */
@Export
@Version("1.0.0")
package org.jkeepalived.lvs.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
