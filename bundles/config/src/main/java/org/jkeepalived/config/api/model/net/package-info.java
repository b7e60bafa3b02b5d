/**
 * Addresses, routes and rules of keepalived.conf, in the syntax of ip address, ip route and ip rule, bound.
 */
@Export
@Version("1.1.0")
package org.jkeepalived.config.api.model.net;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
