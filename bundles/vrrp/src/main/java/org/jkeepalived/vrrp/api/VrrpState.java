package org.jkeepalived.vrrp.api;

/**
 * The state of a VRRP instance: the three states of RFC 5798 section 6.4 and keepalived's FAULT.
 */
public enum VrrpState {

    /** Not running: before start and after shutdown (RFC 5798 section 6.4.1). */
    INITIALIZE,

    /** Watching the master's adverts, ready to take over (RFC 5798 section 6.4.2). */
    BACKUP,

    /** Owning the virtual addresses and sending adverts (RFC 5798 section 6.4.3). */
    MASTER,

    /**
     * keepalived's FAULT: a tracked interface, script or file failed. The instance neither sends
     * nor answers adverts and holds no address until the fault clears.
     */
    FAULT
}
