/** sd_notify over a unix datagram socket, and when to say what. */
package org.jkeepalived.core.internal.systemd;
