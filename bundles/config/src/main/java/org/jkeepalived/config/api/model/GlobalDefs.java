package org.jkeepalived.config.api.model;

import java.time.Duration;
import java.util.Optional;

import org.jkeepalived.config.api.model.lvs.LvsGlobals;
import org.jkeepalived.config.api.model.vrrp.VrrpGlobals;

/**
 * global_defs, with keepalived's defaults for whatever it does not set.
 *
 * @param routerId router_id: how this machine names itself in mail and logs (default the host name)
 * @param notification mail settings
 * @param scriptSecurity who scripts run as
 * @param startupScript startup_script, run once before the subsystems start
 * @param startupScriptTimeout startup_script_timeout (default 10 s)
 * @param shutdownScript shutdown_script, run once after the subsystems stopped
 * @param shutdownScriptTimeout shutdown_script_timeout (default 10 s)
 * @param notifyFifo notify_fifo: VRRP and checker events
 * @param vrrpNotifyFifo vrrp_notify_fifo: VRRP events
 * @param lvsNotifyFifo lvs_notify_fifo: checker events
 * @param fifoWriteVrrpStatesOnReload fifo_write_vrrp_states_on_reload
 * @param vrrp the VRRP defaults
 * @param lvs the IPVS and checker defaults
 */
public record GlobalDefs(
        String routerId,
        Notification notification,
        ScriptSecurity scriptSecurity,
        Optional<Script> startupScript,
        Duration startupScriptTimeout,
        Optional<Script> shutdownScript,
        Duration shutdownScriptTimeout,
        Optional<NotifyFifo> notifyFifo,
        Optional<NotifyFifo> vrrpNotifyFifo,
        Optional<NotifyFifo> lvsNotifyFifo,
        boolean fifoWriteVrrpStatesOnReload,
        VrrpGlobals vrrp,
        LvsGlobals lvs) {
}
