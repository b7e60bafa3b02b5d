/**
 * Which checker plugin serves which keepalived.conf checker keyword, and notice when that changes.
 */
@Export
@Version("1.0.0")
package org.jkeepalived.checker.registry.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
