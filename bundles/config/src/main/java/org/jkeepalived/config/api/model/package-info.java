/**
 * The bound keepalived.conf: {@link org.jkeepalived.config.api.model.KeepalivedConfig} and the
 * global_defs it holds. Sections have packages of their own: {@code vrrp}, {@code lvs} (virtual
 * servers and their checkers) and {@code net} (addresses, routes and rules).
 */
@Export
@Version("1.2.0")
package org.jkeepalived.config.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
