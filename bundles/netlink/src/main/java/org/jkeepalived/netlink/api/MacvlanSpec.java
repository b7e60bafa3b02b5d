package org.jkeepalived.netlink.api;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A macvlan link to create on a parent interface, such as VRRP's virtual MAC interface
 * ({@code use_vmac}) with {@link MacAddress#vrrpIpv4}.
 *
 * @param name the new link's name, at most 15 bytes
 * @param parent the name of the interface it sits on
 * @param mac its MAC address
 * @param mode how it talks to its siblings
 */
public record MacvlanSpec(String name, String parent, MacAddress mac, MacvlanMode mode) {

    /** Checks that every part is given and the name fits the kernel's limit. */
    public MacvlanSpec {
        if (name == null || name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > 15) {
            throw new IllegalArgumentException("a link name has 1 to 15 bytes: " + name);
        }
        if (parent == null || mac == null || mode == null) {
            throw new IllegalArgumentException("a macvlan needs a parent, a MAC address and a mode");
        }
    }

    @Override
    public String toString() {
        return name + " link " + parent + " address " + mac + " type macvlan mode " + mode.name().toLowerCase(Locale.ROOT);
    }
}
