/**
 * keepalived.conf for jkeepalived: {@link org.jkeepalived.config.api.ConfigReader} reads it (includes,
 * conditionals, definitions, sequences) into a located tree and a typed model, reporting problems as
 * compilers do; {@link org.jkeepalived.config.api.ConfigService} runs it and
 * {@link org.jkeepalived.config.api.ConfigListener}s hear of each new configuration.
 */
@Export
@Version("1.1.0")
package org.jkeepalived.config.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
