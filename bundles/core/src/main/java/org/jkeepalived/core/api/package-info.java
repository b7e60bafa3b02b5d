/** What every jkeepalived bundle may need to know about the product itself. */
@Export
@Version("1.0.0")
package org.jkeepalived.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
