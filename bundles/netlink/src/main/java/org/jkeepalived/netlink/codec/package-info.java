/**
 * Pure netlink codecs: bytes in, messages out, no I/O. {@link org.jkeepalived.netlink.codec.NetlinkMessageBuilder}
 * writes requests, {@link org.jkeepalived.netlink.codec.NetlinkFrameDecoder} splits a datagram into
 * messages and {@link org.jkeepalived.netlink.codec.Attributes} reads their attributes, nested or not.
 * Generic netlink's controller is here too, so that a family such as IPVS is found by name.
 *
 * <p>Integers are in host byte order, as netlink(7) defines them; IP addresses in network byte
 * order. Malformed input is always reported by {@link org.jkeepalived.netlink.codec.NetlinkDecodeException},
 * never by an index or buffer exception.
 */
@Export
@Version("1.0.0")
package org.jkeepalived.netlink.codec;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
