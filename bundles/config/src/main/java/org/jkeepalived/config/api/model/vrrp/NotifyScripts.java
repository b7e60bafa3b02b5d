package org.jkeepalived.config.api.model.vrrp;

import java.util.Optional;

import org.jkeepalived.config.api.model.Script;

/**
 * The scripts an instance or sync group runs when its state changes.
 *
 * @param master notify_master
 * @param backup notify_backup
 * @param fault notify_fault
 * @param stop notify_stop
 * @param deleted notify_deleted's script
 * @param notifyDeleted notify_deleted: DELETED instead of FAULT is notified for an instance removed by a reload
 * @param any notify: run on every change, with the kind, name, state and priority appended
 * @param masterRxLowerPri notify_master_rx_lower_pri: run when a master sees a lower priority advert
 */
public record NotifyScripts(Optional<Script> master, Optional<Script> backup, Optional<Script> fault,
        Optional<Script> stop, Optional<Script> deleted, boolean notifyDeleted, Optional<Script> any,
        Optional<Script> masterRxLowerPri) {

    /** No scripts. */
    public static final NotifyScripts NONE = new NotifyScripts(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty());
}
