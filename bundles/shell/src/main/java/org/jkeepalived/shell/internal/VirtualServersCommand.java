package org.jkeepalived.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.jkeepalived.lvs.api.RealServerStatus;
import org.jkeepalived.lvs.api.VirtualServerService;
import org.jkeepalived.lvs.api.VirtualServerStatus;

/**
 * Lists the virtual servers with their quorum and sorry server, then their real servers with their
 * health and weights, as configured and as the data plane has them.
 */
@Command(scope = "keepalived", name = "virtual-servers",
        description = "Lists the virtual servers (protocol, lb_algo, lb_kind, quorum, sorry server) and their real servers "
                + "(weight configured and in the data plane, health, checkers)")
@Service
public final class VirtualServersCommand implements Action {

    @Reference
    VirtualServerService virtualServers;

    @Override
    public Object execute() {
        print(virtualServers.virtualServers(), System.out);
        return null;
    }

    /** Prints the virtual servers, then their real servers. */
    static void print(List<VirtualServerStatus> servers, PrintStream out) {
        if (servers.isEmpty()) {
            out.println("No virtual server is configured");
            return;
        }
        ShellTable services = new ShellTable();
        services.column("Virtual server");
        services.column("Protocol");
        services.column("lb_algo");
        services.column("lb_kind");
        services.column("Quorum");
        services.column("Sorry server");
        services.column("Real servers up").alignRight();
        for (VirtualServerStatus server : servers) {
            services.addRow().addContent(
                    server.name(),
                    server.protocol(),
                    server.scheduler(),
                    server.method(),
                    quorum(server),
                    sorryServer(server),
                    server.realServersUp() + "/" + server.realServers().size());
        }
        services.print(out);
        out.println();

        ShellTable reals = new ShellTable();
        reals.column("Virtual server");
        reals.column("Real server");
        reals.column("Weight").alignRight();
        reals.column("Data plane weight").alignRight();
        reals.column("Health");
        reals.column("Checkers");
        for (VirtualServerStatus server : servers) {
            for (RealServerStatus real : server.realServers()) {
                reals.addRow().addContent(
                        server.name(),
                        real.endpoint(),
                        real.configuredWeight(),
                        real.dataPlaneWeight().isPresent() ? String.valueOf(real.dataPlaneWeight().getAsInt()) : "absent",
                        real.up() ? "up" : "down",
                        real.checkers().isEmpty() ? "none" : String.join(", ", real.checkers()));
            }
        }
        reals.print(out);
    }

    private static String quorum(VirtualServerStatus server) {
        return (server.quorumUp() ? "up" : "down") + " (live weight " + server.liveWeight() + ", quorum " + server.quorum()
                + (server.hysteresis() == 0 ? "" : ", hysteresis " + server.hysteresis()) + ")";
    }

    private static String sorryServer(VirtualServerStatus server) {
        return server.sorryServer().map(sorry -> sorry + (server.sorryServerInUse() ? " in use" : " standing by")).orElse("none");
    }
}
