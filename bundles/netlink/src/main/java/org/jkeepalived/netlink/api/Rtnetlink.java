package org.jkeepalived.netlink.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads and changes the kernel's network configuration through rtnetlink, in the network namespace
 * the service was opened in. Each change is a synchronous request that returns once the kernel has
 * acknowledged it, which takes well under a millisecond; VRRP makes these calls on a state
 * transition as keepalived does. Calls from several threads are served one at a time.
 *
 * <p>Interfaces are named, not indexed, so that a specification from keepalived.conf can be used
 * as it is; the kernel resolves the name at the time of the call.
 */
@ProviderType
public interface Rtnetlink {

    /**
     * @return every link
     * @throws NetlinkException if the kernel refused or did not answer
     */
    List<Link> links();

    /**
     * @param name an interface name
     * @return the link
     * @throws NetlinkException with {@code ENODEV} if there is none of that name
     */
    Link link(String name);

    /**
     * @return every IPv4 and IPv6 address of every interface
     * @throws NetlinkException if the kernel refused or did not answer
     */
    List<Address> addresses();

    /**
     * Adds an address ({@code ip address add}).
     *
     * @param address the address
     * @throws NetlinkException with {@code EEXIST} if it is present, {@code ENODEV} if the interface is not
     */
    void addAddress(AddressSpec address);

    /**
     * Deletes an address ({@code ip address del}).
     *
     * @param address the address; its interface, local address, prefix length and peer identify it
     * @throws NetlinkException with {@code EADDRNOTAVAIL} if it is not present, {@code ENODEV} if the interface is not
     */
    void deleteAddress(AddressSpec address);

    /**
     * @return the IPv4 and IPv6 routes of every table
     * @throws NetlinkException if the kernel refused or did not answer
     */
    List<Route> routes();

    /**
     * Adds a route ({@code ip route add}, or {@code ip route append} if the spec says so).
     *
     * @param route the route
     * @throws NetlinkException with {@code EEXIST} if it is present, {@code ENODEV} if an interface is not,
     *     {@code ENETUNREACH} if the gateway is not on a connected network
     */
    void addRoute(RouteSpec route);

    /**
     * Deletes a route ({@code ip route del}).
     *
     * @param route the route
     * @throws NetlinkException with {@code ESRCH} if it is not present
     */
    void deleteRoute(RouteSpec route);

    /**
     * @return the IPv4 and IPv6 policy routing rules
     * @throws NetlinkException if the kernel refused or did not answer
     */
    List<Rule> rules();

    /**
     * Adds a rule ({@code ip rule add}).
     *
     * @param rule the rule
     * @throws NetlinkException with {@code EEXIST} if an identical rule is present
     */
    void addRule(Rule rule);

    /**
     * Deletes the first rule that matches ({@code ip rule del}).
     *
     * @param rule the rule
     * @throws NetlinkException with {@code ENOENT} if none matches
     */
    void deleteRule(Rule rule);

    /**
     * Sets a link administratively up or down ({@code ip link set NAME up|down}).
     *
     * @param name the interface name
     * @param up whether to set it up
     * @throws NetlinkException with {@code ENODEV} if there is none of that name
     */
    void setLinkUp(String name, boolean up);

    /**
     * Creates a macvlan link and sets it up, such as VRRP's virtual MAC interface.
     *
     * @param macvlan the link
     * @return the link as created
     * @throws NetlinkException with {@code EEXIST} if a link of that name exists, {@code ENODEV} if the parent does not
     */
    Link addMacvlan(MacvlanSpec macvlan);

    /**
     * Deletes a link ({@code ip link del NAME}), such as a macvlan this service created.
     *
     * @param name the interface name
     * @throws NetlinkException with {@code ENODEV} if there is none of that name
     */
    void deleteLink(String name);
}
