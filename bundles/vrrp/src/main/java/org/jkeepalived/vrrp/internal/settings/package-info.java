/**
 * The protocol-level settings of one VRRP instance, and their mapping from the vrrp_instance of
 * keepalived.conf.
 */
package org.jkeepalived.vrrp.internal.settings;
