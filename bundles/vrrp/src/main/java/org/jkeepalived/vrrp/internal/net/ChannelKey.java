package org.jkeepalived.vrrp.internal.net;

import java.net.InetAddress;
import java.util.Optional;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;

/**
 * What instances share a channel by: keepalived's socket pool key. Multicast instances of one
 * interface and family share one; unicast instances share one per source address.
 *
 * @param family the family
 * @param interfaceName the interface; absent for a unicast channel that follows the routes
 * @param unicastSource the local address of a unicast channel, which its receive socket binds
 * @param multicastGroup the group of a multicast channel, which it joins
 */
public record ChannelKey(IpFamily family, Optional<String> interfaceName, Optional<InetAddress> unicastSource,
        Optional<InetAddress> multicastGroup) {

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
        // a macvlan in private mode takes every frame from its own MAC address, so that the
        // adverts of the other routers, which share it, arrive on the VMAC and not on its base
        Optional<String> interfaceName = settings.vmac().filter(vmac -> !vmac.transmitOnBase())
                .map(vmac -> vmac.interfaceName()).or(settings::interfaceName);
        return settings.unicast()
                ? new ChannelKey(settings.family(), interfaceName, Optional.of(sourceAddress), Optional.empty())
                : new ChannelKey(settings.family(), interfaceName, Optional.empty(), Optional.of(settings.multicastGroup()));
    }

    /** @return whether the channel is unicast */
    public boolean unicast() {
        return unicastSource.isPresent();
    }

    @Override
    public String toString() {
        return family + interfaceName.map(name -> " on " + name).orElse("")
                + unicastSource.map(source -> " unicast from " + source.getHostAddress())
                        .orElseGet(() -> " multicast to " + multicastGroup.orElseThrow().getHostAddress());
    }
}
