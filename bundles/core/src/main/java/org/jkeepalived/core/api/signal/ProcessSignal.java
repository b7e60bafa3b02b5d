package org.jkeepalived.core.api.signal;

/**
 * The signals keepalived answers besides those that stop it, under the names its {@code --signum}
 * option takes.
 */
public enum ProcessSignal {

    /** SIGHUP: reload the configuration. */
    HUP("HUP"),

    /** SIGUSR1 ({@code --signum=DATA}): write the running state to {@code keepalived.data}. */
    USR1("USR1"),

    /** SIGUSR2 ({@code --signum=STATS}): write the VRRP statistics to {@code keepalived.stats}. */
    USR2("USR2"),

    /**
     * keepalived's SIGJSON ({@code --signum=JSON}), the real-time signal SIGRTMIN+2: write the VRRP
     * instances as JSON to {@code keepalived.json}.
     */
    JSON(null);

    /** keepalived's SIGJSON is this far above SIGRTMIN. */
    public static final int JSON_OFFSET_FROM_SIGRTMIN = 2;

    private final String jvmName;

    ProcessSignal(String jvmName) {
        this.jvmName = jvmName;
    }

    /**
     * @return the name the JVM knows the signal by, as {@code sun.misc.Signal} takes it, or
     *         {@code null} for a real-time signal, which the JVM has no name for
     */
    public String jvmName() {
        return jvmName;
    }

    /** @return the name as {@code kill -s} and logs show it, for example {@code SIGHUP} */
    public String signalName() {
        return jvmName == null ? "SIGRTMIN+" + JSON_OFFSET_FROM_SIGRTMIN + " (SIGJSON)" : "SIG" + jvmName;
    }
}
