package org.jkeepalived.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
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

    /** One line of keepalived's statistics and how it is read from an instance's status. */
    private record Counter(String name, ToLongFunction<VrrpInstanceStatus> value) {
    }

    private static final List<Counter> COUNTERS = List.of(
            new Counter("Advertisements received", VrrpInstanceStatus::advertsReceived),
            new Counter("Advertisements sent", VrrpInstanceStatus::advertsSent),
            new Counter("Became master", VrrpInstanceStatus::becameMaster),
            new Counter("Released master", VrrpInstanceStatus::releasedMaster),
            dropped("Packet errors: length", "packet_len_err"),
            dropped("Packet errors: TTL", "ip_ttl_err"),
            dropped("Packet errors: invalid type", "invalid_type_rcvd"),
            dropped("Packet errors: advertisement interval", "advert_interval_err"),
            dropped("Packet errors: address list", "addr_list_err"),
            dropped("Packet errors: version", "vers_err"),
            dropped("Packet errors: checksum", "chk_err"),
            dropped("Authentication errors: invalid type", "invalid_authtype"),
            dropped("Authentication errors: type mismatch", "authtype_mismatch"),
            dropped("Authentication errors: failure", "auth_failure"),
            new Counter("Priority zero received", VrrpInstanceStatus::priorityZeroReceived),
            new Counter("Priority zero sent", VrrpInstanceStatus::priorityZeroSent),
            // reasons keepalived only logs: unknown VRID, a unicast source that is not a peer, an owner ignoring adverts
            dropped("Other packets dropped", null));

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
        for (Counter counter : COUNTERS) {
            List<Object> row = new ArrayList<>();
            row.add(counter.name());
            instances.forEach(instance -> row.add(counter.value().applyAsLong(instance)));
            table.addRow().addContent(row);
        }
        table.print(out);
    }

    /** The drops counted under one of keepalived's counters; {@code null} for those it does not count. */
    private static Counter dropped(String name, String statistic) {
        return new Counter(name, instance -> instance.dropped(statistic));
    }
}
