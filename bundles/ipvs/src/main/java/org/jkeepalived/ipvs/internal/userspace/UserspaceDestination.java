package org.jkeepalived.ipvs.internal.userspace;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.DestinationStatus;
import org.jkeepalived.ipvs.internal.scheduler.Schedulable;

/**
 * A destination of a userspace service: its settings and persistence count, kept on the control
 * loop, and its connection counts, overload flag and counters, changed from the forwarding threads
 * the moment a connection changes, before the client can see the change, as the kernel counts them.
 */
final class UserspaceDestination implements Schedulable {

    private final InetSocketAddress socketAddress;
    private final TrafficCounters counters = new TrafficCounters();
    private volatile Destination destination;
    private int lastWeight;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger inactive = new AtomicInteger();
    private int persistent;
    private volatile boolean overloaded;
    private boolean removed;

    UserspaceDestination(Destination destination, int servicePort) {
        this.socketAddress = new InetSocketAddress(destination.key().address(),
                destination.key().port() == 0 ? servicePort : destination.key().port());
        this.destination = destination;
        this.lastWeight = destination.weight();
    }

    /** Takes new settings; a raised or removed upper threshold lifts the overload at once, as IPVS does. */
    void update(Destination updated) {
        if (updated.upperThreshold() == 0 || updated.upperThreshold() > destination.upperThreshold()) {
            overloaded = false;
        }
        if (updated.weight() != 0) {
            lastWeight = updated.weight();
        }
        destination = updated;
    }

    Destination destination() {
        return destination;
    }

    /** @return where connections go: the destination's port, or the service's for port 0 */
    InetSocketAddress socketAddress() {
        return socketAddress;
    }

    TrafficCounters counters() {
        return counters;
    }

    /** A connection bound to it, opening (TCP) or a flow (UDP): it counts as inactive. */
    void bind() {
        inactive.incrementAndGet();
        if (destination.upperThreshold() != 0 && total() >= destination.upperThreshold()) {
            overloaded = true;
        }
    }

    void established() {
        active.incrementAndGet();
        inactive.decrementAndGet();
    }

    void closing() {
        inactive.incrementAndGet();
        active.decrementAndGet();
    }

    /** A connection gone; the overload ends below the lower threshold, or three quarters of the upper. */
    void unbind(boolean wasActive) {
        (wasActive ? active : inactive).decrementAndGet();
        int lower = destination.lowerThreshold();
        int upper = destination.upperThreshold();
        if (lower != 0) {
            if (total() < lower) {
                overloaded = false;
            }
        } else if (upper != 0) {
            if (total() * 4 < upper * 3) {
                overloaded = false;
            }
        } else {
            overloaded = false;
        }
    }

    void persistentBound() {
        persistent++;
    }

    void persistentUnbound() {
        persistent--;
    }

    void markRemoved() {
        removed = true;
    }

    boolean removed() {
        return removed;
    }

    DestinationStatus status() {
        return new DestinationStatus(destination, active.get(), inactive.get(), persistent, counters.snapshot());
    }

    private int total() {
        return active.get() + inactive.get();
    }

    @Override
    public DestinationKey key() {
        return destination.key();
    }

    @Override
    public int weight() {
        return destination.weight();
    }

    @Override
    public int lastWeight() {
        return lastWeight;
    }

    @Override
    public int activeConnections() {
        return active.get();
    }

    @Override
    public int inactiveConnections() {
        return inactive.get();
    }

    @Override
    public boolean overloaded() {
        return overloaded;
    }

    @Override
    public String toString() {
        return destination.key().toString();
    }
}
