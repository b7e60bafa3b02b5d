package org.jkeepalived.dump.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The running configuration and state, dumped as keepalived dumps them. Both forms are made from one
 * reading of the state, each time they are asked for.
 */
@ProviderType
public interface DumpService {

    /**
     * @return keepalived's text dump: global definitions, VRRP instances with their state, priorities,
     *         addresses and tracked objects, sync groups, and virtual servers with the health and
     *         weight of their real servers; what SIGUSR1 writes to {@code keepalived.data} and
     *         {@code keepalived_check.data}
     */
    String text();

    /**
     * @return keepalived's JSON dump: an array with one object per VRRP instance, its {@code "data"}
     *         and its {@code "stats"}; what SIGJSON writes to {@code keepalived.json}
     */
    String json();
}
