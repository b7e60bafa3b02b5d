package org.jkeepalived.config.api.model.lvs;

/** The layer 4 protocol of a virtual server. */
public enum Protocol {
    /** TCP. */
    TCP,
    /** UDP. */
    UDP,
    /** SCTP. */
    SCTP
}
