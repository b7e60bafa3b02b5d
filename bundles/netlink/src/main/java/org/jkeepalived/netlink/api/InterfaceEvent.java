package org.jkeepalived.netlink.api;

/**
 * A change in the interfaces of a network namespace, as the {@link InterfaceMonitor} saw it. A listener
 * first receives a {@link Snapshot}; every later event is a change to what it described.
 */
public sealed interface InterfaceEvent {

    /**
     * The whole model when the listener was added: the state the events that follow change.
     *
     * @param interfaces the interfaces
     */
    record Snapshot(Interfaces interfaces) implements InterfaceEvent {
    }

    /**
     * A link appeared.
     *
     * @param link the link
     */
    record LinkAdded(Link link) implements InterfaceEvent {
    }

    /**
     * A link disappeared; its addresses went with it, each reported before this.
     *
     * @param link the link as last known
     */
    record LinkRemoved(Link link) implements InterfaceEvent {
    }

    /**
     * A link came up, as {@link Link#isUp()} defines it.
     *
     * @param link the link now
     */
    record LinkUp(Link link) implements InterfaceEvent {
    }

    /**
     * A link went down: administratively, or it lost its carrier.
     *
     * @param link the link now
     */
    record LinkDown(Link link) implements InterfaceEvent {
    }

    /**
     * Something else of a link changed: its name, MAC address, MTU, master...
     *
     * @param before the link before
     * @param after the link now
     */
    record LinkChanged(Link before, Link after) implements InterfaceEvent {
    }

    /**
     * An address appeared on an interface.
     *
     * @param address the address
     */
    record AddressAdded(Address address) implements InterfaceEvent {
    }

    /**
     * An address disappeared from an interface.
     *
     * @param address the address as last known
     */
    record AddressRemoved(Address address) implements InterfaceEvent {
    }
}
