package org.jkeepalived.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpService;

/** Lists the VRRP instances with their state, counters and virtual addresses. */
@Command(scope = "keepalived", name = "vrrp", description = "Lists the VRRP instances: state, VRID, priority, adverts, virtual addresses")
@Service
public final class VrrpCommand implements Action {

    @Reference
    VrrpService vrrp;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Instance");
        table.column("State");
        table.column("VRID").alignRight();
        table.column("Version").alignRight();
        table.column("Interface");
        table.column("Priority").alignRight();
        table.column("Source");
        table.column("Sent").alignRight();
        table.column("Received").alignRight();
        table.column("Dropped").alignRight();
        table.column("Virtual addresses");
        for (VrrpInstanceStatus instance : vrrp.instances()) {
            table.addRow().addContent(
                    instance.name(),
                    instance.state(),
                    instance.virtualRouterId(),
                    "v" + instance.version(),
                    instance.interfaceName().orElse("-"),
                    instance.priority(),
                    instance.sourceAddress(),
                    instance.advertsSent(),
                    instance.advertsReceived(),
                    instance.drops().values().stream().mapToLong(Long::longValue).sum(),
                    String.join(", ", instance.virtualAddresses()));
        }
        table.print(System.out);
        return null;
    }
}
