package org.jkeepalived.ipvs.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jkeepalived.ipvs.api.AddressFamily;
import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.Forwarding;
import org.jkeepalived.ipvs.api.Forwarding.Method;
import org.jkeepalived.ipvs.api.Forwarding.TunnelChecksum;
import org.jkeepalived.ipvs.api.Forwarding.TunnelType;
import org.jkeepalived.ipvs.api.IpProtocol;
import org.jkeepalived.ipvs.api.Persistence;
import org.jkeepalived.ipvs.api.Scheduler;
import org.jkeepalived.ipvs.api.SchedulerFlag;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.SyncDaemon;
import org.jkeepalived.ipvs.api.Timeouts;
import org.jkeepalived.ipvs.api.VirtualService;
import org.junit.jupiter.api.Test;

/**
 * Each request, byte for byte against the one ipvsadm 1.31 sent for the same operation to Linux 6.1
 * (ipvsadm-netlink-vectors.txt, made by src/test/kernel/ipvsadm-netlink-vectors.sh). Sequence numbers
 * and ports, which the socket fills in, are left out of the comparison.
 */
class IpvsRequestsTest {

    static final IpvsadmVectors VECTORS = IpvsadmVectors.load();
    private final IpvsRequests requests = new IpvsRequests(VECTORS.familyId());

    static final ServiceKey WEB = tcp("192.0.2.1", 80);
    static final ServiceKey DNS = new ServiceKey.Inet(IpProtocol.UDP, address("192.0.2.1"), 53);
    static final ServiceKey MARK7 = new ServiceKey.Fwmark(7, AddressFamily.INET);
    static final ServiceKey MARK8 = new ServiceKey.Fwmark(8, AddressFamily.INET6);
    static final ServiceKey WEB6 = tcp("2001:db8::1", 443);
    static final ServiceKey DISCARD = new ServiceKey.Inet(IpProtocol.SCTP, address("192.0.2.2"), 9);
    static final ServiceKey EVERY_PORT = tcp("192.0.2.3", 0);
    static final ServiceKey TRAFFIC = tcp("192.0.2.100", 80);

    @Test
    void newServiceOfAnAddressAndPort() {
        assertSameAsIpvsadm("-A -t 192.0.2.1:80 -s rr", requests.newService(VirtualService.of(WEB, Scheduler.RR)));
    }

    @Test
    void setServiceWithPersistenceAndAnIpv4Netmask() {
        assertSameAsIpvsadm("-E -t 192.0.2.1:80 -s wlc -p 300 -M 255.255.255.0", requests.setService(
                VirtualService.of(WEB, Scheduler.WLC).withPersistence(Optional.of(new Persistence(Duration.ofSeconds(300), 24)))));
    }

    @Test
    void udpServiceWithSchedulerFlagsAndOnePacketScheduling() {
        assertSameAsIpvsadm("-A -u 192.0.2.1:53 -s sh -b sh-fallback,sh-port -o", requests.newService(
                VirtualService.of(DNS, Scheduler.SH).withFlags(Set.of(SchedulerFlag.FALLBACK, SchedulerFlag.PORT)).withOnePacket(true)));
    }

    @Test
    void firewallMarkServices() {
        assertSameAsIpvsadm("-A -f 7 -s mh -b mh-port",
                requests.newService(VirtualService.of(MARK7, Scheduler.MH).withFlags(Set.of(SchedulerFlag.PORT))));
        assertSameAsIpvsadm("-A -f 8 -6 -s lblc -p 60 -M 64", requests.newService(
                VirtualService.of(MARK8, Scheduler.LBLC).withPersistence(Optional.of(new Persistence(Duration.ofSeconds(60), 64)))));
    }

    @Test
    void ipv6ServiceAndItsPrefixLengthNetmask() {
        assertSameAsIpvsadm("-A -t [2001:db8::1]:443 -s wrr", requests.newService(VirtualService.of(WEB6, Scheduler.WRR)));
        assertSameAsIpvsadm("-E -t [2001:db8::1]:443 -s wrr -p 120 -M 64", requests.setService(
                VirtualService.of(WEB6, Scheduler.WRR).withPersistence(Optional.of(new Persistence(Duration.ofSeconds(120), 64)))));
    }

    @Test
    void sctpServiceAndAServiceOfEveryPort() {
        assertSameAsIpvsadm("-A --sctp-service 192.0.2.2:9 -s lc",
                requests.newService(VirtualService.of(DISCARD, Scheduler.LC)));
        assertSameAsIpvsadm("-A -t 192.0.2.3:0 -s dh -p 30", requests.newService(new VirtualService(EVERY_PORT, Scheduler.DH, Set.of(),
                Optional.of(Persistence.perClient(Duration.ofSeconds(30), AddressFamily.INET)), false)));
    }

    @Test
    void newDestinationOfEachForwardingMethod() {
        assertSameAsIpvsadm("-a -t 192.0.2.1:80 -r 198.51.100.1:8080 -m -w 3",
                requests.newDestination(WEB, Destination.of(destination("198.51.100.1", 8080), 3)));
        assertSameAsIpvsadm("-a -t 192.0.2.1:80 -r 198.51.100.2:80 -g -w 1 -x 100 -y 50",
                requests.newDestination(WEB, Destination.of(destination("198.51.100.2", 80), 1).withForwarding(Forwarding.DR).withThresholds(100, 50)));
        assertSameAsIpvsadm("-a -t 192.0.2.1:80 -r 198.51.100.3:80 -i -w 2",
                requests.newDestination(WEB, Destination.of(destination("198.51.100.3", 80), 2).withForwarding(Forwarding.TUN)));
    }

    @Test
    void newDestinationThroughGueAndGreTunnels() {
        assertSameAsIpvsadm("-a -t 192.0.2.1:80 -r 198.51.100.4:80 -i --tun-type gue --tun-port 6080 --tun-csum",
                requests.newDestination(WEB, Destination.of(destination("198.51.100.4", 80), 1)
                        .withForwarding(new Forwarding(Method.TUN, TunnelType.GUE, 6080, TunnelChecksum.CSUM))));
        assertSameAsIpvsadm("-a -t 192.0.2.1:80 -r 198.51.100.5:80 -i --tun-type gre --tun-nocsum",
                requests.newDestination(WEB, Destination.of(destination("198.51.100.5", 80), 1)
                        .withForwarding(new Forwarding(Method.TUN, TunnelType.GRE, 0, TunnelChecksum.NOCSUM))));
    }

    @Test
    void newDestinationOfAnIpv6ServiceAndOfAFirewallMarkService() {
        assertSameAsIpvsadm("-a -t [2001:db8::1]:443 -r [2001:db8::10]:8443 -m -w 2",
                requests.newDestination(WEB6, Destination.of(destination("2001:db8::10", 8443), 2)));
        assertSameAsIpvsadm("-a -f 7 -r 198.51.100.6 -g -w 5",
                requests.newDestination(MARK7, Destination.of(destination("198.51.100.6", 0), 5).withForwarding(Forwarding.DR)));
    }

    @Test
    void setAndDeleteDestination() {
        assertSameAsIpvsadm("-e -t 192.0.2.1:80 -r 198.51.100.1:8080 -m -w 0",
                requests.setDestination(WEB, Destination.of(destination("198.51.100.1", 8080), 0)));
        assertSameAsIpvsadm("-d -t 192.0.2.1:80 -r 198.51.100.2:80", requests.deleteDestination(WEB, destination("198.51.100.2", 80)));
    }

    @Test
    void deleteServiceAndFlush() {
        assertSameAsIpvsadm("-D -u 192.0.2.1:53", requests.deleteService(DNS));
        assertSameAsIpvsadm("-C", requests.flush());
    }

    @Test
    void listingIsTheServiceDumpThenEachServicesDestinationDump() {
        IpvsadmVectors.Exchange listing = VECTORS.exchange("-Ln");
        List<String> sent = listing.requests().stream().map(IpvsadmVectors.Datagram::unnumbered).toList();
        assertThat(sent.get(0)).isEqualTo(hex(requests.getServices()));
        assertThat(sent.subList(1, sent.size())).containsExactlyInAnyOrder(
                Arrays.stream(new ServiceKey[] {WEB, DNS, MARK7, MARK8, WEB6, DISCARD, EVERY_PORT, TRAFFIC})
                        .map(key -> hex(requests.getDestinations(key))).toArray(String[]::new));
        assertThat(hex(requests.getInfo())).isEqualTo(listing.datagrams().stream().filter(IpvsadmVectors.Datagram::sent)
                .filter(datagram -> datagram.command() == IpvsNetlink.CMD_GET_INFO).findFirst().orElseThrow().unnumbered());
    }

    @Test
    void oneService() {
        assertSameAsIpvsadm("-Ln -t 192.0.2.1:80", requests.getService(WEB), requests.getDestinations(WEB));
    }

    @Test
    void timeouts() {
        assertSameAsIpvsadm("--set 900 120 300",
                requests.setConfig(new Timeouts(Duration.ofSeconds(900), Duration.ofSeconds(120), Duration.ofSeconds(300))));
        assertSameAsIpvsadm("-L --timeout", requests.getConfig());
    }

    @Test
    void syncDaemons() {
        assertSameAsIpvsadm("--start-daemon master --mcast-interface sync0 --syncid 5",
                requests.newDaemon(SyncDaemon.of(SyncDaemon.Role.MASTER, "sync0", 5)));
        assertSameAsIpvsadm("--start-daemon backup --mcast-interface sync0 --syncid 6",
                requests.newDaemon(SyncDaemon.of(SyncDaemon.Role.BACKUP, "sync0", 6)));
        assertSameAsIpvsadm("-L --daemon", requests.getDaemons());
        assertSameAsIpvsadm("--stop-daemon master", requests.deleteDaemon(SyncDaemon.Role.MASTER));
        assertSameAsIpvsadm("--stop-daemon backup", requests.deleteDaemon(SyncDaemon.Role.BACKUP));
    }

    @Test
    void syncDaemonWithEverySetting() {
        assertSameAsIpvsadm("--start-daemon master --mcast-interface sync0 --syncid 7 --sync-maxlen 1400 --mcast-group 239.1.2.3 "
                + "--mcast-port 9000 --mcast-ttl 2", requests.newDaemon(SyncDaemon.of(SyncDaemon.Role.MASTER, "sync0", 7)
                        .withMaxLength(1400).withGroup(address("239.1.2.3")).withPort(9000).withTtl(2)));
    }

    @Test
    void theRequestsTheKernelRefusedAreTheSameToo() {
        assertSameAsIpvsadm(VECTORS.exchange("-A -t 192.0.2.1:80 -s rr", 2), requests.newService(VirtualService.of(WEB, Scheduler.RR)));
        assertSameAsIpvsadm(VECTORS.exchange("-D -t 192.0.2.9:80"), requests.deleteService(tcp("192.0.2.9", 80)));
        assertSameAsIpvsadm(VECTORS.exchange("-A -t 192.0.2.4:80 -s twos"), requests.newService(VirtualService.of(tcp("192.0.2.4", 80), Scheduler.TWOS)));
    }

    private static void assertSameAsIpvsadm(String arguments, ByteBuffer... ours) {
        assertSameAsIpvsadm(VECTORS.exchange(arguments), ours);
    }

    private static void assertSameAsIpvsadm(IpvsadmVectors.Exchange exchange, ByteBuffer... ours) {
        assertThat(Arrays.stream(ours).map(IpvsRequestsTest::hex).toList()).as("ipvsadm %s", exchange.arguments())
                .isEqualTo(exchange.requests().stream().map(IpvsadmVectors.Datagram::unnumbered).toList());
    }

    static String hex(ByteBuffer message) {
        byte[] bytes = new byte[message.remaining()];
        message.duplicate().get(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static ServiceKey tcp(String address, int port) {
        return new ServiceKey.Inet(IpProtocol.TCP, address(address), port);
    }

    static DestinationKey destination(String address, int port) {
        return new DestinationKey(address(address), port);
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
