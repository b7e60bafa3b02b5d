/**
 * VRRP in keepalived.conf: vrrp_instance, vrrp_sync_group, vrrp_script and track_file, bound.
 */
@Export
@Version("1.0.0")
package org.jkeepalived.config.api.model.vrrp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
