package org.jkeepalived.config.api.model.vrrp;

/** The state a VRRP instance starts in ({@code state MASTER|BACKUP}). */
public enum VrrpState {
    /** Starts as master: at once with priority 255, otherwise after the master down interval. */
    MASTER,
    /** Starts as backup. */
    BACKUP
}
