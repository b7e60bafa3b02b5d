package org.jkeepalived.netlink.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jkeepalived.netlink.api.Address;
import org.jkeepalived.netlink.api.InterfaceEvent;
import org.jkeepalived.netlink.api.InterfaceState;
import org.jkeepalived.netlink.api.Interfaces;
import org.jkeepalived.netlink.api.Link;
import org.jkeepalived.netlink.codec.NetlinkMessage;
import org.jkeepalived.netlink.internal.rtnetlink.AddressCodec;
import org.jkeepalived.netlink.internal.rtnetlink.LinkCodec;
import org.jkeepalived.netlink.internal.rtnetlink.RtnetlinkProtocol;

/**
 * The links and addresses of a namespace, changed by kernel events or replaced by a fresh dump, and
 * the {@link InterfaceEvent}s each change makes. Owned by one thread.
 */
final class InterfaceModel {

    /** How the kernel tells addresses apart: interface, local address, prefix length and peer. */
    private record AddressKey(int index, InetAddress address, int prefixLength, InetAddress peer) {

        static AddressKey of(Address address) {
            return new AddressKey(address.interfaceIndex(), address.address(), address.prefixLength(), address.peer());
        }
    }

    private final Map<Integer, Link> links = new HashMap<>();
    private final Map<AddressKey, Address> addresses = new LinkedHashMap<>();

    /**
     * Applies a kernel event.
     *
     * @param message an {@code RTM_NEWLINK}, {@code RTM_DELLINK}, {@code RTM_NEWADDR} or {@code RTM_DELADDR}
     *     message; others are ignored
     * @param events receives the events the change makes
     * @throws org.jkeepalived.netlink.codec.NetlinkDecodeException if the message is malformed
     */
    void apply(NetlinkMessage message, List<InterfaceEvent> events) {
        switch (message.type()) {
            case RtnetlinkProtocol.RTM_NEWLINK: {
                Link link = LinkCodec.decode(message);
                if (link != null) {
                    putLink(link, events);
                }
                break;
            }
            case RtnetlinkProtocol.RTM_DELLINK: {
                Link link = LinkCodec.decode(message);
                if (link != null) {
                    removeLink(link.index(), events);
                }
                break;
            }
            case RtnetlinkProtocol.RTM_NEWADDR: {
                Address address = AddressCodec.decode(message);
                if (address != null) {
                    putAddress(address, events);
                }
                break;
            }
            case RtnetlinkProtocol.RTM_DELADDR: {
                Address address = AddressCodec.decode(message);
                if (address != null) {
                    removeAddress(AddressKey.of(address), events);
                }
                break;
            }
            default:
                break;
        }
    }

    /**
     * Replaces the model with a complete dump, reporting the differences as events: what is gone first,
     * then what is new or changed.
     *
     * @param newLinks every link
     * @param newAddresses every address
     * @param events receives the events
     */
    void replace(List<Link> newLinks, List<Address> newAddresses, List<InterfaceEvent> events) {
        Map<AddressKey, Address> fresh = new LinkedHashMap<>();
        newAddresses.forEach(address -> fresh.put(AddressKey.of(address), address));
        for (AddressKey key : new ArrayList<>(addresses.keySet())) {
            if (!fresh.containsKey(key)) {
                removeAddress(key, events);
            }
        }
        Map<Integer, Link> freshLinks = new HashMap<>();
        newLinks.forEach(link -> freshLinks.put(link.index(), link));
        for (Integer index : new ArrayList<>(links.keySet())) {
            if (!freshLinks.containsKey(index)) {
                removeLink(index, events);
            }
        }
        newLinks.forEach(link -> putLink(link, events));
        fresh.values().forEach(address -> putAddress(address, events));
    }

    /** @return an immutable copy of the model; addresses of an interface not (yet) known are left out */
    Interfaces snapshot() {
        Map<Integer, List<Address>> byIndex = new HashMap<>();
        for (Address address : addresses.values()) {
            byIndex.computeIfAbsent(address.interfaceIndex(), index -> new ArrayList<>()).add(address);
        }
        Map<Integer, InterfaceState> states = new HashMap<>();
        for (Link link : links.values()) {
            states.put(link.index(), new InterfaceState(link, byIndex.getOrDefault(link.index(), List.of())));
        }
        return new Interfaces(states);
    }

    private void putLink(Link link, List<InterfaceEvent> events) {
        Link before = links.put(link.index(), link);
        if (before == null) {
            events.add(new InterfaceEvent.LinkAdded(link));
            return;
        }
        if (before.equals(link)) {
            return;
        }
        boolean upChanged = before.isUp() != link.isUp();
        if (upChanged) {
            events.add(link.isUp() ? new InterfaceEvent.LinkUp(link) : new InterfaceEvent.LinkDown(link));
        }
        if (!upChanged || !sameApartFromState(before, link)) {
            events.add(new InterfaceEvent.LinkChanged(before, link));
        }
    }

    private void removeLink(int index, List<InterfaceEvent> events) {
        for (AddressKey key : new ArrayList<>(addresses.keySet())) {
            if (key.index() == index) {
                removeAddress(key, events);
            }
        }
        Link before = links.remove(index);
        if (before != null) {
            events.add(new InterfaceEvent.LinkRemoved(before));
        }
    }

    private void putAddress(Address address, List<InterfaceEvent> events) {
        if (addresses.put(AddressKey.of(address), address) == null) {
            events.add(new InterfaceEvent.AddressAdded(address));
        }
    }

    private void removeAddress(AddressKey key, List<InterfaceEvent> events) {
        Address before = addresses.remove(key);
        if (before != null) {
            events.add(new InterfaceEvent.AddressRemoved(before));
        }
    }

    /** Whether two versions of a link differ only in their flags and operational state. */
    private static boolean sameApartFromState(Link a, Link b) {
        return a.index() == b.index() && a.name().equals(b.name()) && a.type() == b.type()
                && Objects.equals(a.mac(), b.mac()) && a.mtu() == b.mtu() && Objects.equals(a.kind(), b.kind())
                && a.macvlanMode() == b.macvlanMode() && a.parentIndex() == b.parentIndex()
                && a.masterIndex() == b.masterIndex();
    }
}
