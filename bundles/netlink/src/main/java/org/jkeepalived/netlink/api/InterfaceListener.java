package org.jkeepalived.netlink.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Hears of changes to the interfaces, on the executor it was added with. */
@ConsumerType
@FunctionalInterface
public interface InterfaceListener {

    /**
     * @param event a {@link InterfaceEvent.Snapshot} first, then each change in the order it happened
     */
    void interfaceChanged(InterfaceEvent event);
}
