/**
 * The VRRP instance state machine of RFC 5798 section 6 (RFC 3768 section 6 for VRRPv2), with
 * keepalived's FAULT state and its deviations. Pure: events come in with their time, decisions go
 * out through {@link org.jkeepalived.vrrp.internal.fsm.StateMachineActions}.
 */
package org.jkeepalived.vrrp.internal.fsm;
