package org.jkeepalived.vrrp.api;

/**
 * The state of a VRRP instance: the three states of RFC 5798 section 6.4 and keepalived's FAULT.
 */
public enum VrrpState {

    /** Not running: before start and after shutdown (RFC 5798 section 6.4.1). */
    INITIALIZE("INIT", 0),

    /** Watching the master's adverts, ready to take over (RFC 5798 section 6.4.2). */
    BACKUP("BACKUP", 1),

    /** Owning the virtual addresses and sending adverts (RFC 5798 section 6.4.3). */
    MASTER("MASTER", 2),

    /**
     * keepalived's FAULT: a tracked interface, script or file failed. The instance neither sends
     * nor answers adverts and holds no address until the fault clears.
     */
    FAULT("FAULT", 3);

    private final String keepalivedName;
    private final int keepalivedNumber;

    VrrpState(String keepalivedName, int keepalivedNumber) {
        this.keepalivedName = keepalivedName;
        this.keepalivedNumber = keepalivedNumber;
    }

    /** @return the state's name in keepalived's logs and dumps: {@code INIT}, {@code BACKUP}, {@code MASTER}, {@code FAULT} */
    public String keepalivedName() {
        return keepalivedName;
    }

    /** @return keepalived's number for the state, as its JSON dump gives it: INIT 0, BACKUP 1, MASTER 2, FAULT 3 */
    public int keepalivedNumber() {
        return keepalivedNumber;
    }
}
