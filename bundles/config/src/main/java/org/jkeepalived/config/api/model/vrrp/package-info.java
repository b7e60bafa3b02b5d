/**
 * VRRP in keepalived.conf: vrrp_instance, vrrp_sync_group, vrrp_script, track_file and
 * vrrp_track_process, bound.
 */
@Export
@Version("1.2.0")
package org.jkeepalived.config.api.model.vrrp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
