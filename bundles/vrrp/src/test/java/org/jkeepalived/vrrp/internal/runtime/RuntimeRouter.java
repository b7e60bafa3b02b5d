package org.jkeepalived.vrrp.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.core.api.loop.EventLoop;
import org.jkeepalived.core.api.loop.EventLoops;
import org.jkeepalived.netlink.internal.InterfaceReflector;
import org.jkeepalived.netlink.internal.RtnetlinkClient;
import org.jkeepalived.testing.netns.Command;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;

/** A router for runtime tests: its namespace, its runtime and the configuration it runs. */
final class RuntimeRouter implements AutoCloseable {

    final NetworkNamespace namespace;
    final VrrpRuntime runtime;
    private final RtnetlinkClient rtnetlink;
    private final EventLoop monitorLoop;
    private final InterfaceReflector monitor;
    private KeepalivedConfig running;
    private long generation;
    private boolean stopped;

    RuntimeRouter(NetworkNamespace namespace, EventLoops loops) throws Exception {
        this.namespace = namespace;
        this.rtnetlink = namespace.call(() -> new RtnetlinkClient(Duration.ofSeconds(2)));
        this.monitorLoop = loops.open("netlink-" + namespace.name());
        this.monitor = namespace.call(() -> new InterfaceReflector(monitorLoop, 1 << 20, Duration.ofSeconds(2)));
        this.runtime = new VrrpRuntime(inNamespace(loops, namespace), rtnetlink, monitor);
    }

    void apply(String text) {
        ConfigResult result = ConfigReader.builder().build().read("keepalived.conf", text);
        assertThat(result.hasErrors()).as(result.summary()).isFalse();
        KeepalivedConfig next = result.config().orElseThrow();
        runtime.configApplied(new ConfigUpdate(Optional.ofNullable(running), next, ++generation));
        running = next;
    }

    VrrpInstanceStatus instance(String name) {
        return runtime.instances().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    List<String> instanceNames() {
        return runtime.instances().stream().map(VrrpInstanceStatus::name).toList();
    }

    boolean has(String address) {
        return namespace.execOrFail("ip", "-o", "addr", "show", "dev", "eth0").contains(" " + address + "/");
    }

    /**
     * @param command an {@code ip} command, such as {@code route show table 100}
     * @return what it prints in the router's namespace
     */
    String ip(String command) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        argv.addAll(List.of(command.split(" ")));
        return namespace.execOrFail(argv.toArray(String[]::new));
    }

    /**
     * @param table a routing table
     * @return its routes as {@code ip route} shows them; nothing if the kernel has no such table (yet)
     */
    String routes(int table) {
        Command.Result shown = namespace.exec("ip", "route", "show", "table", Integer.toString(table));
        return shown.succeeded() ? shown.output() : "";
    }

    void stop() {
        stopped = true;
        runtime.stop();
    }

    @Override
    public void close() {
        if (!stopped) {
            runtime.stop();
        }
        monitor.close();
        monitorLoop.close();
        rtnetlink.close();
    }

    /** A loop source whose loops run in the router's namespace. */
    private static EventLoops inNamespace(EventLoops loops, NetworkNamespace namespace) {
        return new EventLoops() {
            @Override
            public EventLoop open(String name) {
                EventLoop loop = loops.open(name + "-" + namespace.name());
                loop.execute(namespace::enter);
                return loop;
            }

            @Override
            public List<EventLoop> loops() {
                return loops.loops();
            }
        };
    }
}
