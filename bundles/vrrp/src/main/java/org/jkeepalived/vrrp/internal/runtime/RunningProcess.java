package org.jkeepalived.vrrp.internal.runtime;

import java.util.List;

/**
 * A process that runs, as /proc shows it.
 *
 * @param name its name: /proc/PID/comm, the first 15 bytes of it
 * @param argv its command line: /proc/PID/cmdline split at its NULs; empty when not read, and for
 *             kernel threads
 */
record RunningProcess(String name, List<String> argv) {

    RunningProcess {
        argv = List.copyOf(argv);
    }
}
