/**
 * What the HTTP_GET and SSL_GET plugin offers besides its checkers: {@link
 * org.jkeepalived.checker.http.api.Genhash}, which prints the digest of a page as keepalived's
 * genhash does, for the {@code keepalived:genhash} command and the {@code bin/genhash} launcher.
 */
@Export
@Version("1.0.0")
package org.jkeepalived.checker.http.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
