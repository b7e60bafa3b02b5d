package org.jkeepalived.vrrp.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.core.api.loop.EventLoop;
import org.jkeepalived.core.internal.loop.EventLoopsComponent;
import org.jkeepalived.testing.netns.Links;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.jkeepalived.vrrp.internal.codec.AdvertisementWriter;
import org.jkeepalived.vrrp.internal.codec.AuthenticationHeader;
import org.jkeepalived.vrrp.internal.settings.TestSettings;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The send path allocates nothing: a burst of adverts leaves the loop thread's allocation counter where it was. */
class AdvertSenderAllocationTest {

    private static final EventLoopsComponent LOOPS = new EventLoopsComponent();
    private static final int SENDS = 20_000;

    /** The adverts measured: IPv4 and IPv6 VRRPv3, and VRRPv2 signed with an IPsec authentication header. */
    enum Kind {
        INET(IpFamily.INET), INET6(IpFamily.INET6), INET_AH(IpFamily.INET);

        final IpFamily family;

        Kind(IpFamily family) {
            this.family = family;
        }

        VrrpSettings settings() {
            return switch (this) {
                case INET -> TestSettings.v3().build();
                case INET6 -> TestSettings.v3Ipv6().build();
                case INET_AH -> TestSettings.v2().ipsecAh("s3cret").build();
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sendingAnAdvertAllocatesNothing(Kind kind) throws Exception {
        try (NetworkNamespace left = NetworkNamespace.create(); NetworkNamespace right = NetworkNamespace.create()) {
            // no duplicate address detection: the link-local source is usable at once
            left.execOrFail("sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0");
            left.execOrFail("sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0");
            Links.veth(left, "eth0", right, "eth0");
            left.execOrFail("ip", "addr", "add", "192.0.2.1/24", "dev", "eth0");
            EventLoop loop = LOOPS.open("allocation-" + kind);
            try {
                loop.execute(left::enter);
                long allocated = CompletableFuture.supplyAsync(() -> measure(loop, kind), loop).get();

                assertThat(allocated).as("bytes allocated by %d sends", SENDS).isLessThan(1024);
            } finally {
                loop.close();
            }
        }
    }

    private static long measure(EventLoop loop, Kind kind) {
        VrrpSettings settings = kind.settings();
        InterfaceInfo link = InterfaceInfo.lookup("eth0");
        InetAddress source = kind.family == IpFamily.INET ? link.primaryIpv4().orElseThrow() : link.linkLocalIpv6().orElseThrow();
        VrrpChannels channels = new VrrpChannels(loop);
        VrrpChannel channel = channels.acquire(ChannelKey.of(settings, source));
        AdvertisementWriter writer = AdvertisementWriter.create(settings.advertisement(), source,
                settings.destinations(), settings.checksumRule(), settings.multicastGroup(), 255,
                kind == Kind.INET_AH ? new AuthenticationHeader(settings.authData(), false) : null);
        AdvertSender sender = new AdvertSender(settings.name(), channel.sendSocket(), writer, List.copyOf(settings.destinations()), source, 255);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int failed = 0;
        for (int i = 0; i < SENDS; i++) {
            failed += sender.send(100);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < SENDS; i++) {
            failed += sender.send(i % 2 == 0 ? 100 : 0);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        channels.release(channel);
        assertThat(failed).isZero();
        return allocated;
    }
}
