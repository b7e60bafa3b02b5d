/**
 * Telling whiteboard listeners of events, each on a thread of its own, so that a slow or failing
 * listener delays or harms only itself.
 */
@Export
@Version("1.1.0")
package org.jkeepalived.core.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
