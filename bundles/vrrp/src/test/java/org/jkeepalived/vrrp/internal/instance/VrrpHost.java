package org.jkeepalived.vrrp.internal.instance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.jkeepalived.core.api.loop.EventLoop;
import org.jkeepalived.core.api.loop.EventLoops;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.net.InterfaceInfo;
import org.jkeepalived.vrrp.internal.net.VrrpChannels;
import org.jkeepalived.vrrp.internal.settings.VirtualMac;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;

/**
 * A router under test: a network namespace with an event loop whose thread lives in it, running
 * VRRP instances and recording what they did and when.
 */
final class VrrpHost implements AutoCloseable {

    /** A change of state, at a time of the loop's clock. */
    record Transition(long at, String instance, VrrpState from, VrrpState to) {
    }

    final NetworkNamespace namespace;
    final EventLoop loop;
    final VrrpChannels channels;
    private final List<Transition> transitions = new ArrayList<>();
    private final List<String> addressEvents = new ArrayList<>();
    private final List<VirtualRouter> routers = new ArrayList<>();
    private volatile boolean crashed;
    private volatile boolean failAddressChanges;

    private VrrpHost(NetworkNamespace namespace, EventLoop loop) {
        this.namespace = namespace;
        this.loop = loop;
        this.channels = new VrrpChannels(loop);
    }

    /**
     * @param loops where the loop comes from
     * @param namespace the host's namespace
     * @return the host, its loop inside the namespace
     */
    static VrrpHost in(EventLoops loops, NetworkNamespace namespace) {
        EventLoop loop = loops.open("vrrp-" + namespace.name());
        loop.execute(namespace::enter);
        return new VrrpHost(namespace, loop);
    }

    /** Creates and starts an instance on the host's interface eth0, or without interface. */
    VirtualRouter start(VrrpSettings settings) {
        VirtualRouter router = onLoop(() -> {
            Optional<InterfaceInfo> link = settings.interfaceName().map(InterfaceInfo::lookup);
            VirtualRouter created = VirtualRouter.create(settings, channels, link, onInstanceInterface(settings),
                    new Recorder());
            created.start();
            return created;
        });
        synchronized (this) {
            routers.add(router);
        }
        return router;
    }

    /** The advertised addresses on the instance's VMAC or interface, where they are when they name no other. */
    private static AnnouncedAddresses onInstanceInterface(VrrpSettings settings) {
        return new AnnouncedAddresses(settings.vmac().map(VirtualMac::interfaceName).or(settings::interfaceName)
                .map(name -> Map.of(name, settings.virtualAddresses())).orElseGet(Map::of));
    }

    <T> T onLoop(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, loop).join();
    }

    /** From now on the listener records address changes and then fails, as netlink can. */
    void failAddressChanges() {
        failAddressChanges = true;
    }

    /** Stops the host like a crash: its loop ends, no priority 0 advert, nothing more is sent. */
    void crash() {
        crashed = true;
        loop.close();
    }

    /** @return when an instance last entered a state, or -1 */
    synchronized long lastEntered(String instance, VrrpState state) {
        for (int i = transitions.size() - 1; i >= 0; i--) {
            Transition transition = transitions.get(i);
            if (transition.instance().equals(instance) && transition.to() == state) {
                return transition.at();
            }
        }
        return -1;
    }

    synchronized List<Transition> transitions() {
        return List.copyOf(transitions);
    }

    synchronized List<String> addressEvents() {
        return List.copyOf(addressEvents);
    }

    @Override
    public void close() {
        if (!crashed) {
            onLoop(() -> {
                routers.forEach(VirtualRouter::close);
                return null;
            });
            loop.close();
        }
    }

    private final class Recorder implements VirtualRouterListener {

        @Override
        public void addVirtualAddresses(VrrpSettings settings) {
            synchronized (VrrpHost.this) {
                addressEvents.add("add " + settings.name());
            }
            if (failAddressChanges) {
                throw new IllegalStateException("RTM_NEWADDR refused: EPERM");
            }
        }

        @Override
        public void removeVirtualAddresses(VrrpSettings settings) {
            synchronized (VrrpHost.this) {
                addressEvents.add("remove " + settings.name());
            }
        }

        @Override
        public void stateChanged(VrrpSettings settings, VrrpState previous, VrrpState current) {
            synchronized (VrrpHost.this) {
                transitions.add(new Transition(loop.nanoTime(), settings.name(), previous, current));
            }
        }
    }
}
