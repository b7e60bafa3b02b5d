package org.jkeepalived.ipvs.api;

/** The layer 4 protocol of a virtual service, with the IP protocol number IPVS takes. */
public enum IpProtocol {
    /** TCP (6). */
    TCP(6),
    /** UDP (17). */
    UDP(17),
    /** SCTP (132). */
    SCTP(132);

    private final int number;

    IpProtocol(int number) {
        this.number = number;
    }

    /** @return the IP protocol number ({@code IPVS_SVC_ATTR_PROTOCOL}) */
    public int number() {
        return number;
    }
}
