/**
 * The sockets of jkeepalived's built-in network checkers, as keepalived's checkers open them: of the
 * target's family, bound to {@code bind_if} and marked with {@code fwmark}; and what went wrong with
 * one, said in a few words for the log and the shell.
 */
@Export
@Version("1.0.0")
package org.jkeepalived.checker.sockets;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
