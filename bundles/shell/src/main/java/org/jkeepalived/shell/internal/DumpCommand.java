package org.jkeepalived.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jkeepalived.dump.api.DumpService;

/**
 * Prints keepalived's state dump: what SIGUSR1 writes to {@code keepalived.data} and
 * {@code keepalived_check.data}, or with {@code --json} what SIGJSON writes to {@code keepalived.json}.
 */
@Command(scope = "keepalived", name = "dump",
        description = "Prints the running configuration and state as keepalived dumps them on SIGUSR1 (keepalived.data): "
                + "global definitions, VRRP instances and sync groups, virtual and real servers; --json as on SIGJSON")
@Service
public final class DumpCommand implements Action {

    @Reference
    DumpService dump;

    @Option(name = "--json", aliases = "-j", description = "Prints the VRRP instances as JSON, as keepalived.json")
    boolean json;

    @Override
    public Object execute() {
        System.out.println(json ? dump.json() : dump.text());
        return null;
    }
}
