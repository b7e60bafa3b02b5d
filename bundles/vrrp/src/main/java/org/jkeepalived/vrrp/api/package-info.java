/**
 * VRRP as the rest of jkeepalived sees it: the states of an instance, their changes, and the
 * reasons a received advertisement is dropped, as shown by status commands, alerts, metrics and
 * logs.
 */
@Export
@Version("1.4.0")
package org.jkeepalived.vrrp.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
