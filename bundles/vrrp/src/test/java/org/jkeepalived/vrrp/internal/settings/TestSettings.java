package org.jkeepalived.vrrp.internal.settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.vrrp.GarpSettings;
import org.jkeepalived.config.api.model.vrrp.UnicastPeer;
import org.jkeepalived.vrrp.internal.codec.AuthType;
import org.jkeepalived.vrrp.internal.codec.VrrpVersion;

/** Settings for tests: keepalived's defaults, changed one at a time. */
public final class TestSettings {

    private String name = "VI_1";
    private IpFamily family = IpFamily.INET;
    private VrrpVersion version = VrrpVersion.V2;
    private int virtualRouterId = 51;
    private int priority = 100;
    private int advertIntervalCentiseconds = 100;
    private boolean startAsMaster;
    private boolean preempt = true;
    private Duration preemptDelay = Duration.ZERO;
    private Optional<String> interfaceName = Optional.of("eth0");
    private Optional<InetAddress> sourceAddress = Optional.empty();
    private InetAddress multicastGroup = address("224.0.0.18");
    private final List<UnicastPeer> unicastPeers = new ArrayList<>();
    private boolean checkUnicastSource;
    private AuthType authType = AuthType.NONE;
    private long authData;
    private List<InetAddress> virtualAddresses = List.of(address("192.0.2.100"));
    private boolean v3ChecksumAsV2;
    private boolean lowerPriorityNoAdvert;
    private boolean higherPrioritySendAdvert;
    private GarpSettings garp = GarpSettings.DEFAULT;
    private AnnouncementSpacing announcementSpacing = AnnouncementSpacing.NONE;
    private Optional<VirtualMac> vmac = Optional.empty();

    private TestSettings() {
    }

    /** @return VRRPv2, IPv4, VRID 51, priority 100, 1 s, one address */
    public static TestSettings v2() {
        return new TestSettings();
    }

    /** @return VRRPv3, IPv4, VRID 51, priority 100, 100 cs, one address */
    public static TestSettings v3() {
        return new TestSettings().version(VrrpVersion.V3);
    }

    /** @return VRRPv3, IPv6, VRID 51, priority 100, 100 cs, one link-local address */
    public static TestSettings v3Ipv6() {
        TestSettings settings = new TestSettings().version(VrrpVersion.V3);
        settings.family = IpFamily.INET6;
        settings.multicastGroup = address("ff02::12");
        settings.virtualAddresses = List.of(address("fe80::100"));
        return settings;
    }

    public TestSettings name(String value) { name = value; return this; }
    public TestSettings version(VrrpVersion value) { version = value; return this; }
    public TestSettings virtualRouterId(int value) { virtualRouterId = value; return this; }
    public TestSettings priority(int value) { priority = value; return this; }
    public TestSettings advertIntervalCentiseconds(int value) { advertIntervalCentiseconds = value; return this; }
    public TestSettings startAsMaster(boolean value) { startAsMaster = value; return this; }
    public TestSettings preempt(boolean value) { preempt = value; return this; }
    public TestSettings preemptDelay(Duration value) { preemptDelay = value; return this; }
    public TestSettings interfaceName(String value) { interfaceName = Optional.ofNullable(value); return this; }
    public TestSettings sourceAddress(InetAddress value) { sourceAddress = Optional.of(value); return this; }
    public TestSettings unicastPeer(InetAddress value) { unicastPeers.add(new UnicastPeer(value, Optional.empty(), Optional.empty())); return this; }
    public TestSettings checkUnicastSource(boolean value) { checkUnicastSource = value; return this; }
    public TestSettings password(String value) { authType = AuthType.PASS; authData = AuthType.passwordData(value); return this; }
    public TestSettings ipsecAh(String value) { authType = AuthType.AH; authData = AuthType.passwordData(value); return this; }
    public TestSettings virtualAddresses(List<InetAddress> value) { virtualAddresses = value; return this; }
    public TestSettings v3ChecksumAsV2(boolean value) { v3ChecksumAsV2 = value; return this; }
    public TestSettings lowerPriorityNoAdvert(boolean value) { lowerPriorityNoAdvert = value; return this; }
    public TestSettings higherPrioritySendAdvert(boolean value) { higherPrioritySendAdvert = value; return this; }
    public TestSettings garp(GarpSettings value) { garp = value; return this; }
    public TestSettings announcementSpacing(AnnouncementSpacing value) { announcementSpacing = value; return this; }
    public TestSettings vmac(VirtualMac value) { vmac = Optional.of(value); return this; }

    /** @return the settings */
    public VrrpSettings build() {
        return new VrrpSettings(name, family, version, virtualRouterId, priority, advertIntervalCentiseconds,
                startAsMaster, preempt, preemptDelay, interfaceName, sourceAddress, multicastGroup, unicastPeers,
                255, checkUnicastSource, authType, authData, virtualAddresses, v3ChecksumAsV2,
                LegacyUnicastChecksum.DETECT, false, 3, lowerPriorityNoAdvert, higherPrioritySendAdvert, false, garp,
                announcementSpacing, vmac);
    }

    /**
     * @param text an address literal
     * @return the address
     */
    public static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
