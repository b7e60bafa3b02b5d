/**
 * The VRRP wire format, pure: advertisements of RFC 3768 (VRRPv2) and RFC 5798 (VRRPv3) for IPv4 and
 * IPv6, the IPv4 header keepalived builds itself, every checksum rule keepalived speaks, and the
 * validation of received packets. Bytes in, messages out; no I/O.
 */
package org.jkeepalived.vrrp.internal.codec;
