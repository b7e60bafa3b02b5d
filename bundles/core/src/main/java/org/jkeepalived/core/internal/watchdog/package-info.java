/** The watchdog's thread, its hellos and the fault injection that proves it. */
package org.jkeepalived.core.internal.watchdog;
