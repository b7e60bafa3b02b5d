/**
 * Linux system calls through JNA direct mapping, shared by the bundles that talk to the kernel
 * (event loops, netlink, raw VRRP sockets) so that each call is bound once.
 */
@Export
@Version("1.4.0")
package org.jkeepalived.core.api.linux;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
