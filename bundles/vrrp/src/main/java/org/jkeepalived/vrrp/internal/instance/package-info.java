/**
 * A running VRRP instance: the state machine, its channel, its timer and its announcements put
 * together on one event loop.
 */
package org.jkeepalived.vrrp.internal.instance;
