package org.jkeepalived.vrrp.internal.net;

import java.net.InetAddress;
import java.util.Optional;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.vrrp.internal.codec.AuthType;
import org.jkeepalived.vrrp.internal.codec.Ipv4Header;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;

/**
 * What instances share a channel by: keepalived's socket pool key. Multicast instances of one
 * interface and family share one; unicast instances share one per source address. Instances with
 * auth_type AH have their own, whose sockets are of the IPsec AH protocol (keepalived's
 * {@code sock_t} has the protocol too).
 *
 * @param family the family
 * @param interfaceName the interface; absent for a unicast channel that follows the routes
 * @param unicastSource the local address of a unicast channel, which its receive socket binds
 * @param multicastGroup the group of a multicast channel, which it joins
 * @param authenticationHeader whether its packets carry an IPsec authentication header (auth_type AH)
 */
public record ChannelKey(IpFamily family, Optional<String> interfaceName, Optional<InetAddress> unicastSource,
        Optional<InetAddress> multicastGroup, boolean authenticationHeader) {

    public ChannelKey {
        if (unicastSource.isPresent() == multicastGroup.isPresent()) {
            throw new IllegalArgumentException("a channel is either unicast with a source address or multicast with a group");
        }
        if (multicastGroup.isPresent() && interfaceName.isEmpty()) {
            throw new IllegalArgumentException("a multicast channel needs an interface");
        }
    }

    /**
     * @param settings an instance's settings
     * @param sourceAddress the source of its adverts: its configured one or its interface's
     * @return the key of the channel it uses: on its VMAC with use_vmac, unless vmac_xmit_base
     */
    public static ChannelKey of(VrrpSettings settings, InetAddress sourceAddress) {
        // keepalived.conf(5) use_vmac: adverts are sent and received on the VMAC unless vmac_xmit_base
        Optional<String> interfaceName = settings.vmac().filter(vmac -> !vmac.transmitOnBase())
                .map(vmac -> vmac.interfaceName()).or(settings::interfaceName);
        boolean authenticationHeader = settings.authType() == AuthType.AH;
        return settings.unicast()
                ? new ChannelKey(settings.family(), interfaceName, Optional.of(sourceAddress), Optional.empty(),
                        authenticationHeader)
                : new ChannelKey(settings.family(), interfaceName, Optional.empty(), Optional.of(settings.multicastGroup()),
                        authenticationHeader);
    }

    /** @return the IP protocol of its sockets: IPsec AH or VRRP */
    public int protocol() {
        return authenticationHeader ? Ipv4Header.PROTOCOL_AH : Ipv4Header.PROTOCOL_VRRP;
    }

    /** @return whether the channel is unicast */
    public boolean unicast() {
        return unicastSource.isPresent();
    }

    @Override
    public String toString() {
        return family + interfaceName.map(name -> " on " + name).orElse("")
                + unicastSource.map(source -> " unicast from " + source.getHostAddress())
                        .orElseGet(() -> " multicast to " + multicastGroup.orElseThrow().getHostAddress())
                + (authenticationHeader ? " with IPsec AH" : "");
    }
}
