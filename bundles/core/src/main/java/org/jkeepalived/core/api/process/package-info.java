/**
 * Running the scripts of keepalived.conf (notify, tracking, quorum and checker scripts) the one way
 * keepalived runs them: as their user, with no input and no output kept; and writing the files
 * keepalived writes for operators.
 */
@Export
@Version("1.1.0")
package org.jkeepalived.core.api.process;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
