package org.jkeepalived.netlink.internal;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import org.jkeepalived.core.api.loop.EventLoop;
import org.jkeepalived.core.internal.loop.EventLoopsComponent;
import org.jkeepalived.netlink.api.Address;
import org.jkeepalived.netlink.api.InterfaceEvent;
import org.jkeepalived.netlink.api.InterfaceState;
import org.jkeepalived.netlink.api.Link;
import org.jkeepalived.netlink.api.MacAddress;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reflector in a namespace made for each test, while {@code ip}, another program, changes the
 * namespace's links and addresses.
 */
class InterfaceReflectorTest {

    /** Generous for a loaded machine; the kernel's events normally arrive within milliseconds. */
    private static final int BOUND_SECONDS = 10;

    private final EventLoopsComponent loops = new EventLoopsComponent();
    private NetworkNamespace host;
    private EventLoop loop;
    private EventLoop listenerLoop;
    private InterfaceReflector reflector;
    private final List<InterfaceEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> listenerThreads = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createHost() {
        host = NetworkNamespace.create();
        host.execOrFail("ip", "link", "add", "eth0", "address", "02:00:00:00:00:01", "type", "veth", "peer", "name", "eth1");
        host.execOrFail("ip", "link", "set", "eth0", "up");
        host.execOrFail("ip", "link", "set", "eth1", "up");
        host.execOrFail("ip", "addr", "add", "192.0.2.1/24", "dev", "eth0");
        loop = loops.open("netlink-test");
        listenerLoop = loops.open("listener-test");
    }

    @AfterEach
    void deleteHost() {
        if (reflector != null) {
            reflector.close();
        }
        loop.close();
        listenerLoop.close();
        host.close();
    }

    @Test
    void theModelStartsAsTheNamespaceIsAndListenersGetItFirst() throws Exception {
        start(1 << 20);

        InterfaceState eth0 = reflector.interfaces().byName("eth0").orElseThrow();
        assertThat(eth0.isUp()).isTrue();
        assertThat(eth0.link().mac()).isEqualTo(MacAddress.parse("02:00:00:00:00:01"));
        assertThat(eth0.addresses()).extracting(Address::address).contains(InetAddress.getByName("192.0.2.1"));
        assertThat(reflector.interfaces().byName("lo")).isPresent();
        assertThat(reflector.interfaces().byIndex(eth0.index())).contains(eth0);
        awaitEvent(InterfaceEvent.Snapshot.class, snapshot -> snapshot.interfaces().byName("eth1").isPresent());
        assertThat(events.get(0)).isInstanceOf(InterfaceEvent.Snapshot.class);
        assertThat(listenerThreads).containsOnly("listener-test");
    }

    @Test
    void linkDownAndUpByAnotherProgramAreReported() {
        start(1 << 20);
        awaitEvent(InterfaceEvent.Snapshot.class, snapshot -> true);

        host.execOrFail("ip", "link", "set", "eth0", "down");
        awaitEvent(InterfaceEvent.LinkDown.class, down -> down.link().name().equals("eth0"));
        assertThat(reflector.interfaces().byName("eth0").orElseThrow().isUp()).isFalse();

        host.execOrFail("ip", "link", "set", "eth0", "up");
        awaitEvent(InterfaceEvent.LinkUp.class, up -> up.link().name().equals("eth0"));
        assertThat(reflector.interfaces().byName("eth0").orElseThrow().isUp()).isTrue();
        assertThat(indexOf(InterfaceEvent.LinkDown.class)).isLessThan(indexOf(InterfaceEvent.LinkUp.class));
    }

    @Test
    void losingTheCarrierIsALinkDown() {
        start(1 << 20);
        awaitEvent(InterfaceEvent.Snapshot.class, snapshot -> true);

        host.execOrFail("ip", "link", "set", "eth1", "down");

        awaitEvent(InterfaceEvent.LinkDown.class, down -> down.link().name().equals("eth0"));
        Link eth0 = reflector.interfaces().byName("eth0").orElseThrow().link();
        assertThat(eth0.isAdminUp()).isTrue();
        assertThat(eth0.isUp()).isFalse();
    }

    @Test
    void addressesAddedAndDeletedByAnotherProgramAreReported() throws Exception {
        start(1 << 20);
        awaitEvent(InterfaceEvent.Snapshot.class, snapshot -> true);
        InetAddress vip = InetAddress.getByName("192.0.2.77");
        InetAddress vip6 = InetAddress.getByName("2001:db8::77");

        host.execOrFail("ip", "addr", "add", "192.0.2.77/32", "dev", "eth0");
        host.execOrFail("ip", "addr", "add", "2001:db8::77/64", "dev", "eth0", "nodad");

        awaitEvent(InterfaceEvent.AddressAdded.class, added -> added.address().address().equals(vip));
        awaitEvent(InterfaceEvent.AddressAdded.class, added -> added.address().address().equals(vip6));
        assertThat(addressesOf("eth0")).contains(vip, vip6);

        host.execOrFail("ip", "addr", "del", "192.0.2.77/32", "dev", "eth0");

        awaitEvent(InterfaceEvent.AddressRemoved.class, removed -> removed.address().address().equals(vip));
        assertThat(addressesOf("eth0")).doesNotContain(vip).contains(vip6);
    }

    @Test
    void linksAddedAndDeletedAreReportedAndBridgePortMessagesAreNotMistakenForThem() {
        start(1 << 20);
        awaitEvent(InterfaceEvent.Snapshot.class, snapshot -> true);

        host.execOrFail("ip", "link", "add", "vm1", "link", "eth0", "type", "macvlan", "mode", "private");
        host.execOrFail("ip", "addr", "add", "198.51.100.1/24", "dev", "vm1");
        awaitEvent(InterfaceEvent.LinkAdded.class, added -> added.link().name().equals("vm1"));
        awaitEvent(InterfaceEvent.AddressAdded.class, added -> added.address().prefixLength() == 24
                && added.address().address().getHostAddress().equals("198.51.100.1"));
        host.execOrFail("ip", "link", "add", "br0", "type", "bridge");
        host.execOrFail("ip", "link", "set", "eth1", "master", "br0");
        host.execOrFail("ip", "link", "set", "eth1", "nomaster");
        host.execOrFail("ip", "link", "del", "vm1");

        awaitEvent(InterfaceEvent.LinkRemoved.class, removed -> removed.link().name().equals("vm1"));
        assertThat(reflector.interfaces().byName("vm1")).isEmpty();
        assertThat(events).filteredOn(InterfaceEvent.AddressRemoved.class::isInstance)
                .extracting(e -> ((InterfaceEvent.AddressRemoved) e).address().address().getHostAddress()).contains("198.51.100.1");
        assertThat(events).filteredOn(InterfaceEvent.LinkChanged.class::isInstance)
                .anyMatch(e -> ((InterfaceEvent.LinkChanged) e).after().name().equals("eth1")
                        && ((InterfaceEvent.LinkChanged) e).after().masterIndex() != 0);
        assertThat(events).filteredOn(InterfaceEvent.LinkRemoved.class::isInstance)
                .noneMatch(e -> ((InterfaceEvent.LinkRemoved) e).link().name().equals("eth1"));
        assertThat(reflector.interfaces().byName("eth1")).isPresent();
    }

    @Test
    void aListenerRemovedHearsNoMore() throws Exception {
        start(1 << 20);
        List<InterfaceEvent> removedListenerEvents = new CopyOnWriteArrayList<>();
        org.jkeepalived.netlink.api.InterfaceListener removed = removedListenerEvents::add;
        reflector.addListener(removed, listenerLoop);
        awaitEvent(InterfaceEvent.Snapshot.class, snapshot -> true);
        await().atMost(BOUND_SECONDS, SECONDS).until(() -> removedListenerEvents.size() == 1);

        reflector.removeListener(removed);
        CountDownLatch removalDone = new CountDownLatch(1);
        loop.execute(removalDone::countDown);
        assertThat(removalDone.await(BOUND_SECONDS, SECONDS)).isTrue();
        host.execOrFail("ip", "link", "set", "eth0", "down");

        awaitEvent(InterfaceEvent.LinkDown.class, down -> true);
        assertThat(removedListenerEvents).hasSize(1);
    }

    @Test
    void eventsLostToAFullSocketBufferAreRecoveredByReadingAgain() throws Exception {
        start(1024);
        awaitEvent(InterfaceEvent.Snapshot.class, snapshot -> true);
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        loop.execute(() -> {
            blocked.countDown();
            try {
                release.await(60, SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(blocked.await(BOUND_SECONDS, SECONDS)).isTrue();
        Set<String> burst = new java.util.TreeSet<>();
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String address = "10.20." + (i / 200) + "." + (i % 200 + 1);
            burst.add(address);
            commands.add("address add " + address + "/32 dev eth0");
        }
        Path batch = Files.createTempFile("netlink-burst", ".ip");
        try {
            Files.write(batch, commands);
            host.execOrFail("ip", "-batch", batch.toString());
        } finally {
            Files.delete(batch);
        }

        release.countDown();

        await().atMost(BOUND_SECONDS, SECONDS).until(() -> addressesOf("eth0").stream()
                .map(InetAddress::getHostAddress).collect(Collectors.toSet()).containsAll(burst));
        assertThat(reflector.overruns()).isPositive();
        await().atMost(BOUND_SECONDS, SECONDS).until(() -> events.stream()
                .filter(InterfaceEvent.AddressAdded.class::isInstance)
                .map(e -> ((InterfaceEvent.AddressAdded) e).address().address().getHostAddress())
                .collect(Collectors.toSet()).containsAll(burst));

        host.execOrFail("ip", "addr", "del", "10.20.0.1/32", "dev", "eth0");
        awaitEvent(InterfaceEvent.AddressRemoved.class, e -> e.address().address().getHostAddress().equals("10.20.0.1"));
    }

    private void start(int receiveBufferBytes) {
        try {
            reflector = host.call(() -> new InterfaceReflector(loop, receiveBufferBytes, Duration.ofSeconds(5)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        reflector.addListener(event -> {
            listenerThreads.add(Thread.currentThread().getName());
            events.add(event);
        }, listenerLoop);
    }

    private <T extends InterfaceEvent> void awaitEvent(Class<T> type, java.util.function.Predicate<T> matching) {
        await().atMost(BOUND_SECONDS, SECONDS).until(() -> events.stream()
                .filter(type::isInstance).map(type::cast).anyMatch(matching));
    }

    private int indexOf(Class<? extends InterfaceEvent> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private List<InetAddress> addressesOf(String name) {
        return reflector.interfaces().byName(name).orElseThrow().addresses().stream().map(Address::address).toList();
    }
}
