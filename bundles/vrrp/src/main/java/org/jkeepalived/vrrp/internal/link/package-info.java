/**
 * Link-layer announcements of a new master: gratuitous ARP for IPv4 addresses and unsolicited
 * neighbour advertisements for IPv6 ones, built as whole Ethernet frames and sent on a packet
 * socket, with keepalived's garp_master_* timing.
 */
package org.jkeepalived.vrrp.internal.link;
