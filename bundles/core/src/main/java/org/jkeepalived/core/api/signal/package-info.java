/**
 * The signals keepalived answers (reload, dumps, statistics) as OSGi whiteboard services: a bundle
 * registers a {@link org.jkeepalived.core.api.signal.SignalHandler} and is called, on a thread of the
 * signal's own, each time the process receives it.
 */
@Export
@Version("1.0.0")
package org.jkeepalived.core.api.signal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
