package org.jkeepalived.config.internal.bind;

import java.util.Optional;
import java.util.function.Function;

import org.jkeepalived.config.api.model.Script;
import org.jkeepalived.config.api.model.vrrp.NotifyScripts;

/** The notify scripts of a vrrp_instance or vrrp_sync_group, and their keywords. */
final class NotifyDraft {

    private static final String SCRIPT = " SCRIPT [USER [GROUP]]";

    Script master;
    Script backup;
    Script fault;
    Script stop;
    Script deleted;
    boolean notifyDeleted;
    Script any;
    Script masterRxLowerPri;

    /** Adds the notify keywords that instances and sync groups share. */
    static <D> void addTo(Keywords<D> keywords, Function<D, NotifyDraft> notify) {
        keywords.add("notify_master", "notify_master" + SCRIPT, (d, a) -> a.script().ifPresent(s -> notify.apply(d).master = s))
                .add("notify_backup", "notify_backup" + SCRIPT, (d, a) -> a.script().ifPresent(s -> notify.apply(d).backup = s))
                .add("notify_fault", "notify_fault" + SCRIPT, (d, a) -> a.script().ifPresent(s -> notify.apply(d).fault = s))
                .add("notify_stop", "notify_stop" + SCRIPT, (d, a) -> a.script().ifPresent(s -> notify.apply(d).stop = s))
                .add("notify", "notify" + SCRIPT, (d, a) -> a.script().ifPresent(s -> notify.apply(d).any = s));
    }

    /** Adds the notify keywords that only instances have. */
    static <D> void addInstanceOnlyTo(Keywords<D> keywords, Function<D, NotifyDraft> notify) {
        keywords.add("notify_deleted", "notify_deleted [SCRIPT [USER [GROUP]]]", (d, a) -> {
            NotifyDraft draft = notify.apply(d);
            draft.notifyDeleted = true;
            if (a.size() > 0) {
                a.script().ifPresent(s -> draft.deleted = s);
            }
        }).add("notify_master_rx_lower_pri", "notify_master_rx_lower_pri" + SCRIPT,
                (d, a) -> a.script().ifPresent(s -> notify.apply(d).masterRxLowerPri = s));
    }

    NotifyScripts build() {
        return new NotifyScripts(Optional.ofNullable(master), Optional.ofNullable(backup), Optional.ofNullable(fault),
                Optional.ofNullable(stop), Optional.ofNullable(deleted), notifyDeleted, Optional.ofNullable(any),
                Optional.ofNullable(masterRxLowerPri));
    }
}
