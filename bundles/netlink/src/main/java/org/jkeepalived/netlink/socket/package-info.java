/**
 * Netlink sockets through JNA: {@link org.jkeepalived.netlink.socket.NetlinkSocket} for synchronous
 * requests and dumps, {@link org.jkeepalived.netlink.socket.NetlinkMulticastSocket} for kernel events
 * on an event loop, and {@link org.jkeepalived.netlink.socket.GenericNetlinkController} to find a
 * generic netlink family such as IPVS. A socket belongs to the network namespace of the thread that
 * opened it.
 */
@Export
@Version("1.0.0")
package org.jkeepalived.netlink.socket;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
