/**
 * IPVS in keepalived.conf: virtual_server, virtual_server_group, real_server and checker blocks, bound.
 */
@Export
@Version("1.0.0")
package org.jkeepalived.config.api.model.lvs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
