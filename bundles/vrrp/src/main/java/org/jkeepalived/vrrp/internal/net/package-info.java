/**
 * VRRP on the wire: raw IPv4 and IPv6 sockets per interface and family, run on an event loop,
 * dispatching received adverts to instances by virtual router id and sending each instance's adverts
 * from preallocated native buffers.
 */
package org.jkeepalived.vrrp.internal.net;
