package org.jkeepalived.vrrp.internal.runtime;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.netlink.api.Address;
import org.jkeepalived.netlink.api.AddressFlag;
import org.jkeepalived.netlink.api.AddressSpec;
import org.jkeepalived.netlink.api.Link;
import org.jkeepalived.netlink.api.MacAddress;
import org.jkeepalived.netlink.api.MacvlanMode;
import org.jkeepalived.netlink.api.MacvlanSpec;
import org.jkeepalived.netlink.api.NetlinkException;
import org.jkeepalived.netlink.api.Rtnetlink;
import org.jkeepalived.netlink.api.Scope;
import org.jkeepalived.vrrp.internal.net.InterfaceInfo;
import org.jkeepalived.vrrp.internal.settings.VirtualMac;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes and removes the VMACs of use_vmac instances as keepalived does: a macvlan in private mode on
 * the instance's interface with the virtual router MAC address, set up to answer ARP for its own
 * addresses only (arp_ignore 1, accept_local 1, rp_filter 0), while its base interface stops
 * answering for them (arp_ignore 1, arp_filter 1, restored when its last VMAC goes). The settings
 * are written in /proc/sys/net of the calling thread's network namespace. Used on the VRRP loop only.
 */
final class VmacLinks {

    private static final Logger LOG = LoggerFactory.getLogger(VmacLinks.class);
    private static final Path IPV4_CONF = Path.of("/proc/sys/net/ipv4/conf");
    private static final Path IPV6_CONF = Path.of("/proc/sys/net/ipv6/conf");
    /** IN6_ADDR_GEN_MODE_NONE: the kernel makes no link-local address from the virtual MAC address (RFC 5798 section 7.4). */
    private static final String ADDR_GEN_MODE_NONE = "1";
    private static final int LINK_LOCAL_PREFIX = 64;

    /** The arp_ignore and arp_filter a base interface had before its first VMAC, and how many it has. */
    private static final class Base {
        final String arpIgnore;
        final String arpFilter;
        int vmacs;

        Base(String arpIgnore, String arpFilter) {
            this.arpIgnore = arpIgnore;
            this.arpFilter = arpFilter;
        }
    }

    private final Rtnetlink rtnetlink;
    private final Map<String, Base> bases = new HashMap<>();

    /** @param rtnetlink the kernel's links and addresses */
    VmacLinks(Rtnetlink rtnetlink) {
        this.rtnetlink = rtnetlink;
    }

    /**
     * Makes the VMAC of an instance, replacing a macvlan of its name that a previous run left.
     *
     * @param settings an instance with use_vmac
     * @throws IllegalStateException naming the instance, if the VMAC cannot be made
     */
    void create(VrrpSettings settings) {
        VirtualMac vmac = settings.vmac().orElseThrow();
        String base = settings.interfaceName().orElseThrow();
        try {
            removeLeftOver(settings, vmac.interfaceName());
            rtnetlink.addMacvlan(new MacvlanSpec(vmac.interfaceName(), base, MacAddress.of(vmac.address().octets()),
                    MacvlanMode.PRIVATE));
        } catch (NetlinkException e) {
            throw new IllegalStateException("cannot make its VMAC " + vmac.interfaceName() + " on " + base + ": "
                    + e.getMessage(), e);
        }
        LOG.info("{} made VMAC {} with {} on {}", settings, vmac.interfaceName(), vmac.address(), base);
        if (settings.family() == IpFamily.INET) {
            configureIpv4(vmac.interfaceName(), base);
        } else {
            giveLinkLocalAddress(settings, vmac, base);
        }
    }

    /**
     * Keeps the VMAC of an instance that resumes as master after its loop got stuck: the VMAC made
     * before carries its addresses, which must stay. One that is gone is made again.
     *
     * @param settings an instance with use_vmac
     * @throws IllegalStateException naming the instance, if the VMAC cannot be made
     */
    void keep(VrrpSettings settings) {
        String name = settings.vmac().orElseThrow().interfaceName();
        try {
            if ("macvlan".equals(rtnetlink.link(name).kind())) {
                LOG.info("{} keeps its VMAC {}", settings, name);
                return;
            }
        } catch (NetlinkException e) {
            if (e.errno() != Errno.ENODEV) {
                throw new IllegalStateException("cannot read its VMAC " + name + ": " + e.getMessage(), e);
            }
        }
        create(settings);
    }

    /**
     * Removes the VMAC of an instance; its base interface gets its ARP settings back with its last VMAC.
     *
     * @param settings an instance with use_vmac whose VMAC {@link #create} made
     */
    void remove(VrrpSettings settings) {
        String name = settings.vmac().orElseThrow().interfaceName();
        try {
            rtnetlink.deleteLink(name);
            LOG.info("{} removed VMAC {}", settings, name);
        } catch (NetlinkException e) {
            if (e.errno() != Errno.ENODEV) {
                LOG.error("{} cannot remove VMAC {}: {}", settings, name, e.getMessage());
            }
        }
        String baseName = settings.interfaceName().orElseThrow();
        Base base = bases.get(baseName);
        if (settings.family() == IpFamily.INET && base != null && --base.vmacs == 0) {
            bases.remove(baseName);
            write(IPV4_CONF, baseName, "arp_ignore", base.arpIgnore);
            write(IPV4_CONF, baseName, "arp_filter", base.arpFilter);
        }
    }

    private void removeLeftOver(VrrpSettings settings, String name) {
        Link existing;
        try {
            existing = rtnetlink.link(name);
        } catch (NetlinkException e) {
            if (e.errno() == Errno.ENODEV) {
                return;
            }
            throw e;
        }
        if (!"macvlan".equals(existing.kind())) {
            throw new IllegalStateException("interface " + name + " exists and is not a macvlan; use_vmac will not replace it");
        }
        LOG.info("{} replaces the macvlan {} that was there", settings, name);
        rtnetlink.deleteLink(name);
    }

    /** keepalived's set_interface_parameters(), and no IPv6 on an IPv4 VMAC. */
    private void configureIpv4(String vmac, String baseName) {
        write(IPV4_CONF, vmac, "arp_ignore", "1");
        write(IPV4_CONF, vmac, "accept_local", "1");
        write(IPV4_CONF, vmac, "rp_filter", "0");
        write(IPV4_CONF, vmac, "promote_secondaries", "1");
        write(IPV6_CONF, vmac, "disable_ipv6", "1");
        Base base = bases.get(baseName);
        if (base == null) {
            base = new Base(read(IPV4_CONF, baseName, "arp_ignore"), read(IPV4_CONF, baseName, "arp_filter"));
            bases.put(baseName, base);
            write(IPV4_CONF, baseName, "arp_ignore", "1");
            write(IPV4_CONF, baseName, "arp_filter", "1");
        }
        base.vmacs++;
    }

    /**
     * An IPv6 VMAC sends its adverts from the instance's source address or its base interface's
     * link-local address, which it takes instead of the one the kernel made from the virtual MAC
     * address: that one would be the same on every router of the group.
     */
    private void giveLinkLocalAddress(VrrpSettings settings, VirtualMac vmac, String base) {
        write(IPV6_CONF, vmac.interfaceName(), "addr_gen_mode", ADDR_GEN_MODE_NONE);
        remove(settings, linkLocal(vmac.interfaceName(), eui64LinkLocal(vmac.address().octets())));
        InetAddress source = settings.sourceAddress()
                .or(() -> InterfaceInfo.lookup(base).linkLocalIpv6())
                .orElseThrow(() -> new IllegalStateException(base + " has no IPv6 link-local address for the VMAC"));
        try {
            rtnetlink.addAddress(linkLocal(vmac.interfaceName(), source));
        } catch (NetlinkException e) {
            if (e.errno() != Errno.EEXIST) {
                throw new IllegalStateException("cannot give " + vmac.interfaceName() + " the address "
                        + source.getHostAddress() + ": " + e.getMessage(), e);
            }
        }
    }

    private void remove(VrrpSettings settings, AddressSpec address) {
        try {
            rtnetlink.deleteAddress(address);
        } catch (NetlinkException e) {
            if (e.errno() != Errno.EADDRNOTAVAIL) {
                LOG.warn("{} cannot remove {} from its VMAC: {}", settings, address.address().getHostAddress(), e.getMessage());
            }
        }
    }

    private static AddressSpec linkLocal(String device, InetAddress address) {
        return new AddressSpec(device, address, LINK_LOCAL_PREFIX, null, null, null, Scope.LINK,
                EnumSet.of(AddressFlag.NODAD), Address.FOREVER);
    }

    /** The link-local address the kernel makes from a MAC address (RFC 4291 appendix A). */
    private static Inet6Address eui64LinkLocal(byte[] mac) {
        byte[] address = new byte[16];
        address[0] = (byte) 0xfe;
        address[1] = (byte) 0x80;
        address[8] = (byte) (mac[0] ^ 0x02);
        address[9] = mac[1];
        address[10] = mac[2];
        address[11] = (byte) 0xff;
        address[12] = (byte) 0xfe;
        address[13] = mac[3];
        address[14] = mac[4];
        address[15] = mac[5];
        try {
            return (Inet6Address) InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes make an address", e);
        }
    }

    private static String read(Path conf, String device, String name) {
        try {
            return Files.readString(conf.resolve(device).resolve(name)).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + conf.resolve(device).resolve(name) + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path conf, String device, String name, String value) {
        Path file = conf.resolve(device).resolve(name);
        try {
            Files.writeString(file, value);
        } catch (IOException e) {
            LOG.warn("cannot set {} to {}: {}", file, value, e.getMessage());
        }
    }
}
