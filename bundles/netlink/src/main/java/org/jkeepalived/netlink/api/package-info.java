/**
 * What the kernel's network configuration looks like and how to change it: the {@link
 * org.jkeepalived.netlink.api.Rtnetlink} service adds and deletes addresses, routes, rules and
 * macvlan links (VRRP's virtual IPs, virtual routes, virtual rules and VMACs), and the {@link
 * org.jkeepalived.netlink.api.InterfaceMonitor} keeps a model of the interfaces current from kernel
 * events for interface tracking and fault detection.
 *
 * <p>Each service works in the network namespace it was opened in. Specifications and results are
 * immutable records; every failure is a {@link org.jkeepalived.netlink.api.NetlinkException} that
 * names the object and the kernel's reason.
 */
@Export
@Version("1.0.0")
package org.jkeepalived.netlink.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
