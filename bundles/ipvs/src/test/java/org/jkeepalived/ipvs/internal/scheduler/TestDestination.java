package org.jkeepalived.ipvs.internal.scheduler;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jkeepalived.ipvs.api.DestinationKey;

/** A destination whose weight and connections a test sets. */
final class TestDestination implements Schedulable {

    final String name;
    final DestinationKey key;
    int weight;
    int lastWeight;
    int active;
    int inactive;
    boolean overloaded;

    TestDestination(String name, String address, int port, int weight) {
        this.name = name;
        try {
            this.key = new DestinationKey(InetAddress.getByName(address), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
        weight(weight);
    }

    TestDestination weight(int weight) {
        this.weight = weight;
        if (weight != 0) {
            lastWeight = weight;
        }
        return this;
    }

    @Override
    public DestinationKey key() {
        return key;
    }

    @Override
    public int weight() {
        return weight;
    }

    @Override
    public int lastWeight() {
        return lastWeight;
    }

    @Override
    public int activeConnections() {
        return active;
    }

    @Override
    public int inactiveConnections() {
        return inactive;
    }

    @Override
    public boolean overloaded() {
        return overloaded;
    }

    @Override
    public String toString() {
        return name;
    }
}
