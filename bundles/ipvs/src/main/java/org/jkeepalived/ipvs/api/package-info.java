/**
 * The data plane of virtual services, shaped as IPVS is: a table of virtual services, each with its
 * destinations (real servers), changed by the operations IPVS has (new, set and delete of a service
 * or a destination, flush, timeouts, sync daemons) and listed with counters.
 *
 * <p>Every type is an immutable value. A {@link org.jkeepalived.ipvs.api.DataPlane} is one backend:
 * the kernel's IPVS through generic netlink, or a userspace forwarder on hosts without IPVS.
 * {@link org.jkeepalived.ipvs.api.Reconciler} takes the table wanted and applies only the
 * differences, so that a reload or a health change never flushes what did not change.
 */
@Export
@Version("1.1.0")
package org.jkeepalived.ipvs.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
