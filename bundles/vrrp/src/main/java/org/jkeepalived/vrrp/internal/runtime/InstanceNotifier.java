package org.jkeepalived.vrrp.internal.runtime;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.config.api.model.Script;
import org.jkeepalived.config.api.model.vrrp.NotifyScripts;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.instance.VirtualRouterListener;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;

/**
 * Runs an instance's notify scripts as keepalived.conf(5) describes them: notify_master,
 * notify_backup, notify_fault and notify_stop on entering that state, notify with
 * {@code INSTANCE name state priority} appended on every change, and notify_master_rx_lower_pri.
 * A reload may change the scripts of a running instance.
 */
final class InstanceNotifier implements VirtualRouterListener {

    private volatile NotifyScripts scripts;
    private final ScriptLauncher launcher;

    /**
     * @param scripts the instance's scripts
     * @param launcher what starts them
     */
    InstanceNotifier(NotifyScripts scripts, ScriptLauncher launcher) {
        this.scripts = scripts;
        this.launcher = launcher;
    }

    /** @param scripts the scripts from now on */
    void update(NotifyScripts scripts) {
        this.scripts = scripts;
    }

    @Override
    public void stateChanged(VrrpSettings settings, VrrpState previous, VrrpState current) {
        run(launcher, scripts, "INSTANCE", settings.name(), current, settings.priority());
    }

    /**
     * Runs the scripts of a change of state: the one for the state, then notify.
     *
     * @param launcher what starts them
     * @param scripts the scripts of the instance or group
     * @param kind INSTANCE or GROUP
     * @param name the instance's or group's name
     * @param current the state entered; INITIALIZE is the instance stopping
     * @param priority the priority given to notify
     */
    static void run(ScriptLauncher launcher, NotifyScripts scripts, String kind, String name, VrrpState current, int priority) {
        String state = current == VrrpState.INITIALIZE ? "STOP" : current.name();
        Optional<Script> specific = switch (current) {
            case MASTER -> scripts.master();
            case BACKUP -> scripts.backup();
            case FAULT -> scripts.fault();
            case INITIALIZE -> scripts.stop();
        };
        String why = "(" + name + ") notify " + state;
        specific.ifPresent(script -> launcher.launch(script, List.of(), why));
        scripts.any().ifPresent(script -> launcher.launch(script, List.of(kind, name, state, Integer.toString(priority)), why));
    }

    @Override
    public void lowerPriorityMasterSeen(VrrpSettings settings, InetAddress source, int priority) {
        scripts.masterRxLowerPri().ifPresent(script -> launcher.launch(script, List.of(),
                settings + " notify_master_rx_lower_pri: " + source.getHostAddress() + " advertised priority " + priority));
    }
}
