/** The heap's soft limit, kept in step with what the configuration keeps live. */
package org.jkeepalived.core.internal.memory;
