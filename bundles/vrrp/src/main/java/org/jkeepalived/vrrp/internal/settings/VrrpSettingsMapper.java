package org.jkeepalived.vrrp.internal.settings;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.jkeepalived.config.api.model.net.IpAddressEntry;
import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.vrrp.VrrpAuthentication;
import org.jkeepalived.config.api.model.vrrp.VrrpInstance;
import org.jkeepalived.config.api.model.vrrp.VrrpState;
import org.jkeepalived.vrrp.internal.codec.AuthType;
import org.jkeepalived.vrrp.internal.codec.VrrpVersion;

/** Makes the protocol settings of a vrrp_instance of keepalived.conf. */
public final class VrrpSettingsMapper {

    private static final InetAddress GROUP4 = literal("224.0.0.18");
    private static final InetAddress GROUP6 = literal("ff02::12");

    private VrrpSettingsMapper() {
    }

    /**
     * @param instance a bound vrrp_instance, with keepalived's defaults applied
     * @param vmacNames the names of the VMACs of its configuration
     * @param spacing vrrp_garp_interval and vrrp_gna_interval of global_defs, and the garp_groups
     * @return its protocol settings
     * @throws IllegalArgumentException naming the instance, for what the protocol cannot carry
     */
    public static VrrpSettings map(VrrpInstance instance, VmacNames vmacNames, AnnouncementSpacing spacing) {
        VrrpVersion version = VrrpVersion.of(instance.version());
        AuthType authType = AuthType.NONE;
        long authData = 0;
        if (instance.authentication().isPresent() && version == VrrpVersion.V2) {
            VrrpAuthentication authentication = instance.authentication().get();
            authType = authentication.type() == VrrpAuthentication.Type.AH ? AuthType.AH : AuthType.PASS;
            // with AH the same 8 bytes key the HMAC, as keepalived takes them
            authData = AuthType.passwordData(authentication.password());
        }
        boolean peerTtlRange = instance.unicastPeers().stream()
                .anyMatch(peer -> peer.minTtl().isPresent() || peer.maxTtl().isPresent());
        return new VrrpSettings(
                instance.name(),
                instance.family(),
                version,
                instance.virtualRouterId(),
                instance.priority(),
                centiseconds(instance.advertInterval(), version),
                instance.initialState() == VrrpState.MASTER,
                instance.preempt(),
                instance.preemptDelay(),
                instance.interfaceName(),
                instance.sourceAddress(),
                instance.multicastGroup().orElse(instance.family() == IpFamily.INET ? GROUP4 : GROUP6),
                instance.unicastPeers(),
                instance.unicastTtl(),
                instance.checkUnicastSrc() || peerTtlRange,
                authType,
                authData,
                advertised(instance.virtualAddresses(), instance.family()),
                instance.v3ChecksumAsV2(),
                LegacyUnicastChecksum.DETECT,
                instance.skipCheckAdvAddr(),
                instance.downTimerAdverts(),
                instance.lowerPrioNoAdvert(),
                instance.higherPrioSendAdvert(),
                instance.ownerIgnoreAdverts(),
                instance.garp(),
                spacing,
                VirtualMac.of(instance, vmacNames));
    }

    /** VRRPv2 carries whole seconds, VRRPv3 centiseconds (keepalived rounds the configured value). */
    private static int centiseconds(Duration interval, VrrpVersion version) {
        long millis = interval.toMillis();
        if (version == VrrpVersion.V2) {
            return (int) Math.max(1, Math.round(millis / 1000.0)) * 100;
        }
        return (int) Math.max(1, Math.round(millis / 10.0));
    }

    /** Addresses of the other family are set with the others but not advertised. */
    private static List<InetAddress> advertised(List<IpAddressEntry> entries, IpFamily family) {
        return entries.stream()
                .map(entry -> entry.address().address())
                .filter(address -> IpFamily.of(address) == family)
                .toList();
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
