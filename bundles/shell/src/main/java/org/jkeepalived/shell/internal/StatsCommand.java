package org.jkeepalived.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.jkeepalived.vrrp.api.VrrpCounter;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpService;

/**
 * Prints the counters of each VRRP instance that keepalived writes to its statistics file on
 * SIGUSR2: adverts, mastership, and received packets dropped, under keepalived's counter names.
 */
@Command(scope = "keepalived", name = "stats",
        description = "Prints the counters of each VRRP instance, as keepalived's SIGUSR2 statistics: adverts, "
                + "mastership, packet and authentication errors, priority 0 adverts")
@Service
public final class StatsCommand implements Action {

    @Reference
    VrrpService vrrp;

    @Argument(index = 0, name = "instance", description = "Prints the counters of this vrrp_instance only")
    @Completion(VrrpInstanceCompleter.class)
    String instance;

    @Override
    public Object execute() {
        List<VrrpInstanceStatus> instances = vrrp.instances();
        if (instance == null) {
            print(instances, System.out);
        } else {
            List<VrrpInstanceStatus> named = instances.stream().filter(status -> status.name().equals(instance)).toList();
            if (named.isEmpty()) {
                System.out.println("No VRRP instance " + instance + " runs");
            } else {
                print(named, System.out);
            }
        }
        return null;
    }

    /** Prints one row per counter and one column per instance. */
    static void print(List<VrrpInstanceStatus> instances, PrintStream out) {
        if (instances.isEmpty()) {
            out.println("No VRRP instance runs");
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Counter");
        instances.forEach(instance -> table.column(instance.name()).alignRight());
        for (VrrpCounter counter : VrrpCounter.values()) {
            List<Object> row = new ArrayList<>();
            row.add(counter.title());
            instances.forEach(instance -> row.add(counter.of(instance)));
            table.addRow().addContent(row);
        }
        table.print(out);
    }
}
