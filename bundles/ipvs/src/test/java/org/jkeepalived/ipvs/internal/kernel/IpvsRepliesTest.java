package org.jkeepalived.ipvs.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jkeepalived.ipvs.internal.kernel.IpvsRequestsTest.DISCARD;
import static org.jkeepalived.ipvs.internal.kernel.IpvsRequestsTest.DNS;
import static org.jkeepalived.ipvs.internal.kernel.IpvsRequestsTest.EVERY_PORT;
import static org.jkeepalived.ipvs.internal.kernel.IpvsRequestsTest.MARK7;
import static org.jkeepalived.ipvs.internal.kernel.IpvsRequestsTest.MARK8;
import static org.jkeepalived.ipvs.internal.kernel.IpvsRequestsTest.TRAFFIC;
import static org.jkeepalived.ipvs.internal.kernel.IpvsRequestsTest.VECTORS;
import static org.jkeepalived.ipvs.internal.kernel.IpvsRequestsTest.WEB;
import static org.jkeepalived.ipvs.internal.kernel.IpvsRequestsTest.WEB6;
import static org.jkeepalived.ipvs.internal.kernel.IpvsRequestsTest.address;
import static org.jkeepalived.ipvs.internal.kernel.IpvsRequestsTest.destination;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;

import org.jkeepalived.ipvs.api.AddressFamily;
import org.jkeepalived.ipvs.api.Counters;
import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.DestinationStatus;
import org.jkeepalived.ipvs.api.Forwarding;
import org.jkeepalived.ipvs.api.Forwarding.Method;
import org.jkeepalived.ipvs.api.Forwarding.TunnelChecksum;
import org.jkeepalived.ipvs.api.Forwarding.TunnelType;
import org.jkeepalived.ipvs.api.Persistence;
import org.jkeepalived.ipvs.api.Scheduler;
import org.jkeepalived.ipvs.api.SchedulerFlag;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.ServiceStatus;
import org.jkeepalived.ipvs.api.SyncDaemon;
import org.jkeepalived.ipvs.api.Timeouts;
import org.jkeepalived.ipvs.api.VirtualService;
import org.jkeepalived.ipvs.api.DataPlaneException.Reason;
import org.jkeepalived.netlink.api.NetlinkException;
import org.jkeepalived.netlink.codec.NetlinkDecodeException;
import org.jkeepalived.netlink.codec.NetlinkError;
import org.jkeepalived.netlink.codec.NetlinkFrameDecoder;
import org.jkeepalived.netlink.codec.NetlinkHeader;
import org.jkeepalived.netlink.codec.NetlinkMessage;
import org.junit.jupiter.api.Test;

/**
 * Each answer of the kernel's IPVS that ipvsadm received (ipvsadm-netlink-vectors.txt), decoded into
 * the data plane's values and checked against what ipvsadm printed from the same bytes.
 */
class IpvsRepliesTest {

    private final IpvsRequests requests = new IpvsRequests(VECTORS.familyId());

    @Test
    void info() {
        IpvsadmVectors.Exchange listing = VECTORS.exchange("-Ln");
        IpvsadmVectors.Datagram getInfo = listing.datagrams().stream().filter(IpvsadmVectors.Datagram::sent)
                .filter(datagram -> datagram.command() == IpvsNetlink.CMD_GET_INFO).findFirst().orElseThrow();
        IpvsReplies.Info info = IpvsReplies.info(listing.answersTo(getInfo).get(0));

        assertThat(info).isEqualTo(new IpvsReplies.Info(0x010201, 4096));
        assertThat(info.toString()).isEqualTo("IP Virtual Server 1.2.1, connection table 4096");
        assertThat(listing.output().get(0)).isEqualTo("IP Virtual Server version 1.2.1 (size=4096)");
    }

    @Test
    void everyServiceOfTheDump() {
        assertThat(services("-Ln").values()).extracting(ServiceStatus::service).containsExactlyInAnyOrder(
                VirtualService.of(WEB, Scheduler.WLC).withPersistence(Optional.of(new Persistence(Duration.ofSeconds(300), 24))),
                VirtualService.of(DNS, Scheduler.SH).withFlags(Set.of(SchedulerFlag.FALLBACK, SchedulerFlag.PORT)).withOnePacket(true),
                VirtualService.of(MARK7, Scheduler.MH).withFlags(Set.of(SchedulerFlag.PORT)),
                VirtualService.of(MARK8, Scheduler.LBLC).withPersistence(Optional.of(new Persistence(Duration.ofSeconds(60), 64))),
                VirtualService.of(WEB6, Scheduler.WRR).withPersistence(Optional.of(new Persistence(Duration.ofSeconds(120), 64))),
                VirtualService.of(DISCARD, Scheduler.LC),
                new VirtualService(EVERY_PORT, Scheduler.DH, Set.of(), Optional.of(Persistence.perClient(Duration.ofSeconds(30), AddressFamily.INET)), false),
                VirtualService.of(TRAFFIC, Scheduler.RR));
    }

    @Test
    void destinationsOfEachServiceNewestFirst() {
        IpvsadmVectors.Exchange listing = VECTORS.exchange("-Ln");
        assertThat(destinations(listing, WEB)).extracting(DestinationStatus::destination).containsExactly(
                Destination.of(destination("198.51.100.5", 80), 1).withForwarding(new Forwarding(Method.TUN, TunnelType.GRE, 0, TunnelChecksum.NOCSUM)),
                Destination.of(destination("198.51.100.4", 80), 1).withForwarding(new Forwarding(Method.TUN, TunnelType.GUE, 6080, TunnelChecksum.CSUM)),
                Destination.of(destination("198.51.100.3", 80), 2).withForwarding(Forwarding.TUN),
                Destination.of(destination("198.51.100.2", 80), 1).withForwarding(Forwarding.DR).withThresholds(100, 50),
                Destination.of(destination("198.51.100.1", 8080), 0));
        assertThat(destinations(listing, WEB6)).extracting(DestinationStatus::destination)
                .containsExactly(Destination.of(destination("2001:db8::10", 8443), 2));
        assertThat(destinations(listing, MARK7)).extracting(DestinationStatus::destination)
                .containsExactly(Destination.of(destination("198.51.100.6", 0), 5).withForwarding(Forwarding.DR));
        for (ServiceKey empty : List.of(DNS, MARK8, DISCARD, EVERY_PORT)) {
            assertThat(destinations(listing, empty)).as("destinations of %s", empty).isEmpty();
        }
    }

    @Test
    void connectionsAsIpvsadmPrintsThem() {
        IpvsadmVectors.Exchange listing = VECTORS.exchange("-Ln");
        DestinationStatus real = destinations(listing, TRAFFIC).get(0);
        // ipvsadm: "-> 198.51.100.1:8080  Masq  1  0  1" (weight, ActiveConn, InActConn)
        String[] printed = listing.output().stream().filter(line -> line.contains("198.51.100.1:8080")).reduce((first, last) -> last)
                .orElseThrow().trim().split("\\s+");
        assertThat(real.destination()).isEqualTo(Destination.of(destination("198.51.100.1", 8080), Integer.parseInt(printed[3])));
        assertThat(real.activeConnections()).isEqualTo(Integer.parseInt(printed[4]));
        assertThat(real.inactiveConnections()).isEqualTo(Integer.parseInt(printed[5])).isEqualTo(1);
    }

    @Test
    void countersAsIpvsadmPrintsThem() {
        IpvsadmVectors.Exchange stats = VECTORS.exchange("-Ln --stats --exact");
        Map<String, ServiceStatus> services = services("-Ln --stats --exact");
        int compared = 0;
        ServiceKey current = null;
        for (String line : stats.output().subList(3, stats.output().size())) {
            List<String> fields = Arrays.asList(line.trim().split("\\s+"));
            List<String> numbers = fields.subList(fields.size() - 5, fields.size());
            Counters printed = new Counters(Long.parseLong(numbers.get(0)), Long.parseLong(numbers.get(1)), Long.parseLong(numbers.get(2)),
                    Long.parseLong(numbers.get(3)), Long.parseLong(numbers.get(4)));
            String name = javaForm(String.join(" ", fields.subList(0, fields.size() - 5)));
            if (name.startsWith("-> ")) {
                String endpoint = name.substring(3);
                Counters decoded = destinations(stats, current).stream().filter(status -> status.destination().key().toString().equals(endpoint))
                        .findFirst().orElseThrow().counters();
                assertThat(decoded).as("counters of %s", endpoint).isEqualTo(printed);
            } else {
                ServiceStatus status = services.get(name);
                assertThat(status).as("service %s", name).isNotNull();
                assertThat(status.counters()).as("counters of %s", name).isEqualTo(printed);
                current = status.service().key();
            }
            compared++;
        }
        assertThat(compared).isEqualTo(16);
        assertThat(services.get("TCP 192.0.2.100:80").counters()).isEqualTo(new Counters(1, 6, 5, 325, 273));
    }

    @Test
    void oneService() {
        IpvsadmVectors.Exchange one = VECTORS.exchange("-Ln -t 192.0.2.1:80");
        IpvsadmVectors.Datagram get = one.requests().get(0);
        assertThat(IpvsReplies.service(one.answersTo(get).get(0)).service())
                .isEqualTo(VirtualService.of(WEB, Scheduler.WLC).withPersistence(Optional.of(new Persistence(Duration.ofSeconds(300), 24))));
    }

    @Test
    void timeoutsAsIpvsadmPrintsThem() {
        IpvsadmVectors.Exchange timeouts = VECTORS.exchange("-L --timeout");
        Timeouts decoded = IpvsReplies.timeouts(timeouts.answersTo(timeouts.requests().get(0)).get(0));
        assertThat(decoded).isEqualTo(new Timeouts(Duration.ofSeconds(3600), Duration.ofSeconds(60), Duration.ofSeconds(300)));
        assertThat(timeouts.output()).containsExactly("Timeout (tcp tcpfin udp): 3600 60 300");
    }

    @Test
    void syncDaemonsAsIpvsadmPrintsThem() {
        assertThat(daemons(0)).containsExactly(
                new SyncDaemon(SyncDaemon.Role.MASTER, "sync0", 5, OptionalInt.of(1472), Optional.of(address("224.0.0.81")), OptionalInt.of(8848), OptionalInt.of(1)),
                new SyncDaemon(SyncDaemon.Role.BACKUP, "sync0", 6, OptionalInt.of(1472), Optional.of(address("224.0.0.81")), OptionalInt.of(8848), OptionalInt.of(1)));
        assertThat(VECTORS.exchange("-L --daemon", 0).output()).containsExactly(
                "master sync daemon (mcast=sync0, syncid=5, maxlen=1472, group=224.0.0.81, port=8848, ttl=1)",
                "backup sync daemon (mcast=sync0, syncid=6, maxlen=1472, group=224.0.0.81, port=8848, ttl=1)");
        assertThat(daemons(1)).containsExactly(SyncDaemon.of(SyncDaemon.Role.MASTER, "sync0", 7).withMaxLength(1400)
                .withGroup(address("239.1.2.3")).withPort(9000).withTtl(2));
        assertThat(VECTORS.exchange("-L --daemon", 1).output())
                .containsExactly("master sync daemon (mcast=sync0, syncid=7, maxlen=1400, group=239.1.2.3, port=9000, ttl=2)");
    }

    @Test
    void refusalsOfTheKernelAsTheDataPlaneSaysThem() {
        assertRefusal(VECTORS.exchange("-A -t 192.0.2.1:80 -s rr", 2), IpvsNetlink.CMD_NEW_SERVICE, Reason.SERVICE_EXISTS,
                "cannot add service: EEXIST (File exists): the service exists already");
        assertRefusal(VECTORS.exchange("-a -t 192.0.2.1:80 -r 198.51.100.1:80 -m", 1), IpvsNetlink.CMD_NEW_DEST, Reason.DESTINATION_EXISTS,
                "cannot add destination: EEXIST (File exists): the service has this destination already");
        assertRefusal(VECTORS.exchange("-D -t 192.0.2.9:80"), IpvsNetlink.CMD_DEL_SERVICE, Reason.NO_SUCH_SERVICE,
                "cannot delete service: ESRCH (No such process): no such service");
        assertRefusal(VECTORS.exchange("-e -t 192.0.2.9:80 -r 198.51.100.1:80 -m"), IpvsNetlink.CMD_SET_DEST, Reason.NO_SUCH_SERVICE,
                "cannot change destination: ESRCH (No such process): no such service");
        assertRefusal(VECTORS.exchange("-d -t 192.0.2.1:80 -r 198.51.100.9:80"), IpvsNetlink.CMD_DEL_DEST, Reason.NO_SUCH_DESTINATION,
                "cannot delete destination: ENOENT (No such file or directory): the service has no such destination");
        assertRefusal(VECTORS.exchange("-A -t 192.0.2.4:80 -s twos"), IpvsNetlink.CMD_NEW_SERVICE, Reason.UNSUPPORTED,
                "cannot add service: ENOENT (No such file or directory): the kernel has no scheduler twos (its module is ip_vs_twos)");
        assertRefusal(VECTORS.exchange("--stop-daemon backup", 1), IpvsNetlink.CMD_DEL_DAEMON, Reason.NO_SUCH_SYNC_DAEMON,
                "cannot stop daemon: ESRCH (No such process): no sync daemon of this role runs");
    }

    @Test
    void aSchedulerTheApiDoesNotKnowIsNamedInTheRefusal() {
        // "wlc\0" becomes "xyz\0" in the answer about TCP 192.0.2.1:80.
        NetlinkMessage message = mutated(serviceMessage("-Ln -t 192.0.2.1:80"), "776c6300", "78797a00");
        assertThatThrownBy(() -> IpvsReplies.service(message)).isInstanceOf(NetlinkDecodeException.class)
                .hasMessage("service TCP 192.0.2.1:80 has scheduler 'xyz', which jkeepalived does not know");
    }

    @Test
    void aNetmaskThatIsNotAPrefixIsRefused() {
        // The netmask attribute of the same service, 255.255.255.0, becomes 255.0.255.0.
        NetlinkMessage message = mutated(serviceMessage("-Ln -t 192.0.2.1:80"), "08000900ffffff00", "08000900ff00ff00");
        assertThatThrownBy(() -> IpvsReplies.service(message)).isInstanceOf(NetlinkDecodeException.class)
                .hasMessageContaining("netmask ff00ff00 of service TCP 192.0.2.1:80 is not a prefix");
    }

    @Test
    void anAnswerOfAnotherCommandIsRefused() {
        NetlinkMessage message = serviceMessage("-Ln -t 192.0.2.1:80");
        assertThatThrownBy(() -> IpvsReplies.destination(message, AddressFamily.INET)).isInstanceOf(NetlinkDecodeException.class)
                .hasMessage("IPVS answered with command 1 where 5 was expected");
    }

    /** Every answer cut short and with bytes flipped: decoded, or refused with a NetlinkDecodeException, never anything else. */
    @Test
    void damagedAnswersAreRefusedCleanly() {
        SplittableRandom random = new SplittableRandom(7);
        int refused = 0;
        for (NetlinkMessage answer : CAPTURED_ANSWERS) {
            byte[] bytes = bytes(answer);
            for (int attempt = 0; attempt < 200; attempt++) {
                byte[] damaged = bytes.clone();
                if (attempt % 2 == 0) {
                    damaged = Arrays.copyOf(damaged, NetlinkHeader.SIZE + random.nextInt(damaged.length - NetlinkHeader.SIZE));
                    ByteBuffer.wrap(damaged).order(ByteOrder.nativeOrder()).putInt(0, damaged.length);
                } else {
                    for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                        damaged[NetlinkHeader.SIZE + random.nextInt(damaged.length - NetlinkHeader.SIZE)] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                NetlinkMessage message = NetlinkFrameDecoder.decode(ByteBuffer.wrap(damaged).order(ByteOrder.nativeOrder())).get(0);
                try {
                    decodeAs(bytes[NetlinkHeader.SIZE], message);
                } catch (NetlinkDecodeException e) {
                    refused++;
                }
            }
        }
        assertThat(refused).isPositive();
    }

    /** The IPVS answers ipvsadm received when listing services, destinations, counters, timeouts and daemons. */
    static final List<NetlinkMessage> CAPTURED_ANSWERS = capturedAnswers();

    private static List<NetlinkMessage> capturedAnswers() {
        List<NetlinkMessage> answers = new ArrayList<>();
        for (String arguments : List.of("-Ln", "-Ln --stats --exact", "-L --timeout", "-L --daemon")) {
            IpvsadmVectors.Exchange exchange = VECTORS.exchange(arguments);
            exchange.requests().forEach(request -> answers.addAll(exchange.answersTo(request)));
        }
        answers.removeIf(answer -> answer.header().type() != VECTORS.familyId());
        return List.copyOf(answers);
    }

    /**
     * Decodes an answer as the data plane does the answer of {@code command}.
     *
     * @throws NetlinkDecodeException if it is refused, the one way it may fail
     */
    static void decodeAs(int command, NetlinkMessage message) {
        switch (command) {
            case IpvsNetlink.CMD_NEW_SERVICE -> IpvsReplies.service(message);
            case IpvsNetlink.CMD_NEW_DEST -> IpvsReplies.destination(message, AddressFamily.INET);
            case IpvsNetlink.CMD_SET_CONFIG -> IpvsReplies.timeouts(message);
            case IpvsNetlink.CMD_NEW_DAEMON -> IpvsReplies.daemon(message);
            case IpvsNetlink.CMD_SET_INFO -> IpvsReplies.info(message);
            default -> throw new AssertionError("no decoder of command " + command);
        }
    }

    /** An IPv6 address as ipvsadm prints it ([2001:db8::1]) in the form Java prints (2001:db8:0:0:0:0:0:1), which the values' names use. */
    private static String javaForm(String name) {
        int open = name.indexOf('[');
        if (open < 0) {
            return name;
        }
        int close = name.indexOf(']');
        return name.substring(0, open + 1) + address(name.substring(open + 1, close)).getHostAddress() + name.substring(close);
    }

    private static Map<String, ServiceStatus> services(String arguments) {
        IpvsadmVectors.Exchange exchange = VECTORS.exchange(arguments);
        IpvsadmVectors.Datagram dump = exchange.requests().get(0);
        assertThat(dump.command()).isEqualTo(IpvsNetlink.CMD_GET_SERVICE);
        Map<String, ServiceStatus> services = new LinkedHashMap<>();
        for (NetlinkMessage message : exchange.answersTo(dump)) {
            if (!message.header().isDone()) {
                ServiceStatus status = IpvsReplies.service(message);
                services.put(status.service().key().toString(), status);
            }
        }
        return services;
    }

    /** The answers to the destination dump that ipvsadm asked of {@code service}, found by our request for it. */
    private List<DestinationStatus> destinations(IpvsadmVectors.Exchange exchange, ServiceKey service) {
        String request = IpvsRequestsTest.hex(requests.getDestinations(service));
        IpvsadmVectors.Datagram dump = exchange.requests().stream().filter(datagram -> datagram.unnumbered().equals(request))
                .findFirst().orElseThrow(() -> new AssertionError("ipvsadm " + exchange.arguments() + " did not list " + service));
        return exchange.answersTo(dump).stream().filter(message -> !message.header().isDone())
                .map(message -> IpvsReplies.destination(message, service.family())).toList();
    }

    private static List<SyncDaemon> daemons(int occurrence) {
        IpvsadmVectors.Exchange exchange = VECTORS.exchange("-L --daemon", occurrence);
        return exchange.answersTo(exchange.requests().get(0)).stream().filter(message -> !message.header().isDone())
                .map(IpvsReplies::daemon).toList();
    }

    private static NetlinkMessage serviceMessage(String arguments) {
        IpvsadmVectors.Exchange exchange = VECTORS.exchange(arguments);
        return exchange.answersTo(exchange.requests().get(0)).get(0);
    }

    private static void assertRefusal(IpvsadmVectors.Exchange exchange, int command, Reason reason, String message) {
        assertThat(exchange.status()).isNotZero();
        NetlinkMessage answer = exchange.answersTo(exchange.requests().get(0)).get(0);
        NetlinkError error = NetlinkError.decode(answer);
        String operation = message.substring("cannot ".length(), message.indexOf(':'));
        var refusal = IpvsErrors.refused(command, operation, new NetlinkException(operation, error.errno(), error.message()),
                command == IpvsNetlink.CMD_NEW_SERVICE ? exchange.arguments().substring(exchange.arguments().lastIndexOf(' ') + 1) : null);
        assertThat(refusal.reason()).as("ipvsadm %s", exchange.arguments()).isEqualTo(reason);
        assertThat(refusal).hasMessage(message);
    }

    private static NetlinkMessage mutated(NetlinkMessage message, String from, String to) {
        String hex = HexFormat.of().formatHex(bytes(message));
        assertThat(hex).contains(from);
        byte[] bytes = HexFormat.of().parseHex(hex.replace(from, to));
        return NetlinkFrameDecoder.decode(ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder())).get(0);
    }

    static byte[] bytes(NetlinkMessage message) {
        ByteBuffer buffer = ByteBuffer.allocate(NetlinkHeader.SIZE + message.payload().remaining()).order(ByteOrder.nativeOrder());
        NetlinkHeader header = message.header();
        buffer.putInt(header.length()).putShort((short) header.type()).putShort((short) header.flags()).putInt(header.sequence())
                .putInt(header.portId()).put(message.payload());
        return buffer.array();
    }
}
