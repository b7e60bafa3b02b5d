package org.jkeepalived.ipvs.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jkeepalived.testing.netns.KernelVm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kernel data plane against the IPVS of a real Linux kernel: {@link KernelBackendScenarios} runs
 * once in a virtual machine (kernel-vm: the host's files, a Debian kernel with IPVS), and each test
 * here checks one of its sections, mostly against what ipvsadm lists after the data plane's changes.
 * Skipped where kernel-vm is not beside the project or the tests do not run as root (kernel-vm may
 * have to install qemu and the kernel).
 */
class KernelDataPlaneTest {

    /** The schedulers' modules. */
    private static final String[] MODULES = {"ip_vs", "ip_vs_rr", "ip_vs_wrr", "ip_vs_lc", "ip_vs_wlc", "ip_vs_lblc", "ip_vs_lblcr",
        "ip_vs_dh", "ip_vs_sh", "ip_vs_sed", "ip_vs_nq", "ip_vs_fo", "ip_vs_ovf", "ip_vs_mh", "ip_vs_twos", "veth", "dummy"};
    private static final Duration TIMEOUT = Duration.ofMinutes(8);

    private static Map<String, String> sections;

    @BeforeAll
    static void runTheScenariosUnderARealKernel() throws Exception {
        sections = KernelVm.withModules(MODULES)
                .prepare("ip link add " + KernelBackendScenarios.SYNC_INTERFACE + " type dummy")
                .prepare("ip link set " + KernelBackendScenarios.SYNC_INTERFACE + " up")
                .sections(KernelBackendScenarios.class, KernelBackendScenarios.SECTION, "end", TIMEOUT);
    }

    @Test
    void theKernelsIpvsAnswersItsVersion() {
        assertThat(section("info")).startsWith("IP Virtual Server 1.2.1, connection table 4096\nKERNEL\n");
    }

    @Test
    void servicesOfEveryKindAndScheduler() {
        String twos = twosInThisKernel() ? "TCP  192.0.2.1:93 twos\n" : "";
        assertThat(section("services")).isEqualTo("""
                $ ipvsadm -Ln
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                TCP  192.0.2.1:80 rr
                TCP  192.0.2.1:81 wrr
                TCP  192.0.2.1:82 lc
                TCP  192.0.2.1:83 wlc
                TCP  192.0.2.1:84 lblc
                TCP  192.0.2.1:85 lblcr
                TCP  192.0.2.1:86 dh
                TCP  192.0.2.1:87 sh
                TCP  192.0.2.1:88 sed
                TCP  192.0.2.1:89 nq
                TCP  192.0.2.1:90 fo
                TCP  192.0.2.1:91 ovf
                TCP  192.0.2.1:92 mh
                """ + twos + """
                TCP  192.0.2.2:80 sh (sh-fallback,sh-port)
                TCP  192.0.2.2:81 mh (mh-port)
                TCP  192.0.2.2:443 wlc persistent 300 mask 255.255.255.0
                TCP  192.0.2.3:0 rr persistent 30
                UDP  192.0.2.2:53 rr ops
                SCTP 192.0.2.2:9 lc
                TCP  [2001:db8::1]:443 wrr persistent 120 mask 64
                FWM  1 wlc persistent 360
                FWM  2 IPv6 sh
                read back: the table applied
                """);
    }

    @Test
    void serviceEditsKeepTheDestinations() {
        assertThat(section("service edits")).isEqualTo("""
                $ ipvsadm -Ln
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                TCP  192.0.2.1:80 sh (sh-port) persistent 600 mask 255.255.0.0
                  -> 198.51.100.1:80              Masq    1      0          0
                UDP  192.0.2.1:53 lc
                read back: the table applied
                """);
    }

    @Test
    void destinationsOfEveryForwardingMethodAndTunnel() {
        assertThat(section("destinations")).isEqualTo("""
                $ ipvsadm -Ln --tun-info
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward TunnelInfo    Weight ActiveConn InActConn
                TCP  192.0.2.10:80 wlc
                  -> 127.0.0.1:8080               Route   n/a           1      0          0
                  -> 198.51.100.1:8080            Masq    n/a           3      0          0
                  -> 198.51.100.2:80              Route   n/a           1      0          0
                  -> 198.51.100.3:80              Tunnel  ipip          2      0          0
                  -> 198.51.100.4:80              Tunnel  gue:6080:+c   1      0          0
                  -> 198.51.100.5:80              Tunnel  gre:-c        1      0          0
                TCP  [2001:db8::10]:80 rr
                  -> [2001:db8::20]:8080          Masq    n/a           2      0          0
                FWM  1 wrr
                  -> 198.51.100.6:0               Route   n/a           5      0          0
                $ ipvsadm -Ln --thresholds -t 192.0.2.10:80
                Prot LocalAddress:Port            Uthreshold Lthreshold ActiveConn InActConn
                  -> RemoteAddress:Port
                TCP  192.0.2.10:80 wlc
                  -> 127.0.0.1:8080               0          0          0          0
                  -> 198.51.100.1:8080            0          0          0          0
                  -> 198.51.100.2:80              100        50         0          0
                  -> 198.51.100.3:80              0          0          0          0
                  -> 198.51.100.4:80              0          0          0          0
                  -> 198.51.100.5:80              0          0          0          0
                order: [127.0.0.1:8080, 198.51.100.5:80, 198.51.100.4:80, 198.51.100.3:80, 198.51.100.2:80, 198.51.100.1:8080]
                read back: the table applied
                """);
    }

    @Test
    void destinationEditsInPlace() {
        assertThat(section("destination edits")).isEqualTo("""
                $ ipvsadm -Ln
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                TCP  192.0.2.10:80 wrr
                  -> 198.51.100.1:80              Masq    0      0          0
                  -> 198.51.100.2:80              Route   7      0          0
                read back: the table applied
                """);
    }

    @Test
    void refusalsSayTheReasonTheErrnoAndTheObjectAndChangeNothing() {
        String twos = twosInThisKernel() ? "" : "UNSUPPORTED: cannot add service TCP 192.0.2.4:80 twos: ENOENT (No such file or directory): "
                + "the kernel has no scheduler twos (its module is ip_vs_twos)\n";
        assertThat(section("refusals")).isEqualTo("""
                SERVICE_EXISTS: cannot add service TCP 192.0.2.1:80 wlc: EEXIST (File exists): the service exists already
                NO_SUCH_SERVICE: cannot change service TCP 192.0.2.9:80 wlc: ESRCH (No such process): no such service
                NO_SUCH_SERVICE: cannot delete service TCP 192.0.2.9:80: ESRCH (No such process): no such service
                NO_SUCH_SERVICE: cannot add destination 198.51.100.1:80 NAT weight 1 to service TCP 192.0.2.9:80: ESRCH (No such process): no such service
                DESTINATION_EXISTS: cannot add destination 198.51.100.1:80 NAT weight 3 to service TCP 192.0.2.1:80: EEXIST (File exists): the service has this destination already
                NO_SUCH_DESTINATION: cannot change destination 198.51.100.9:80 NAT weight 1 of service TCP 192.0.2.1:80: ENOENT (No such file or directory): the service has no such destination
                NO_SUCH_DESTINATION: cannot delete destination 198.51.100.9:80 of service TCP 192.0.2.1:80: ENOENT (No such file or directory): the service has no such destination
                NO_SUCH_SERVICE: cannot list the destinations of service TCP 192.0.2.9:80: ESRCH (No such process): no such service
                """ + twos + """
                FAILED: cannot start sync daemon master on nosuch0 syncid 1: ENODEV (No such device): no such interface
                NO_SUCH_SYNC_DAEMON: cannot stop the backup sync daemon: ESRCH (No such process): no sync daemon of this role runs
                $ ipvsadm -Ln
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                TCP  192.0.2.1:80 rr
                  -> 198.51.100.1:80              Masq    1      0          0
                """);
    }

    @Test
    void timeoutsSetAndRead() {
        assertThat(section("timeouts")).isEqualTo("""
                $ ipvsadm -L --timeout
                Timeout (tcp tcpfin udp): 600 30 90
                read: Timeouts[tcp=PT10M, tcpFin=PT30S, udp=PT1M30S]
                defaults: Timeouts[tcp=PT15M, tcpFin=PT2M, udp=PT5M]
                """);
    }

    @Test
    void syncDaemonsStartedListedAndStopped() {
        assertThat(section("sync daemons")).isEqualTo("""
                $ ipvsadm -L --daemon
                master sync daemon (mcast=sync0, syncid=5, maxlen=1472, group=224.0.0.81, port=8848, ttl=1)
                backup sync daemon (mcast=sync0, syncid=6, maxlen=1400, group=239.1.2.3, port=9000, ttl=2)
                read: master on sync0 syncid 5 maxlen 1472 group 224.0.0.81 port 8848 ttl 1
                read: backup on sync0 syncid 6 maxlen 1400 group 239.1.2.3 port 9000 ttl 2
                SYNC_DAEMON_EXISTS: cannot start sync daemon backup on sync0 syncid 7: EEXIST (File exists): a sync daemon of this role runs already
                after stop: []
                """);
    }

    @Test
    void trafficCountersAndConnectionsAsIpvsadmListsThem() {
        String traffic = section("traffic");
        assertThat(traffic).contains("answer: hello\nanswer: hello\n");
        // ipvsadm -Ln --stats --exact: Conns InPkts OutPkts InBytes OutBytes, of the service then of its one destination
        List<String> stats = numbers(traffic, "^(?:TCP  192\\.0\\.2\\.100:80|  -> 198\\.51\\.100\\.1:8080)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)$");
        assertThat(stats).hasSize(10);
        assertThat(stats.get(0)).as("connections").isEqualTo("2");
        String counters = "Counters[connections=%s, inPackets=%s, outPackets=%s, inBytes=%s, outBytes=%s]";
        assertThat(traffic).contains("api service TCP 192.0.2.100:80 " + counters.formatted(stats.subList(0, 5).toArray()));
        // ipvsadm -Ln --persistent-conn: Weight PersistConn ActiveConn InActConn
        List<String> connections = numbers(traffic, "^  -> 198\\.51\\.100\\.1:8080\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)$");
        assertThat(connections).containsExactly("1", "1", "0", "2");
        assertThat(traffic).contains("api destination 198.51.100.1:8080 active " + connections.get(2) + " inactive " + connections.get(3)
                + " persistent " + connections.get(1) + " " + counters.formatted(stats.subList(5, 10).toArray()));
    }

    @Test
    void theReconcilerTakesTheKernelFromOneTableToAnother() {
        assertThat(section("reconciler")).isEqualTo("""
                to a: 5 applied, complete true
                to b: complete true
                  SetService[service=TCP 192.0.2.20:80 wrr]
                  NewDestination[serviceKey=TCP 192.0.2.20:80, destination=198.51.100.3:80 NAT weight 1]
                  SetDestination[serviceKey=TCP 192.0.2.20:80, destination=198.51.100.2:80 NAT weight 5]
                  DeleteDestination[serviceKey=TCP 192.0.2.20:80, destination=198.51.100.1:80]
                  NewService[service=FWM 3 mh]
                  NewDestination[serviceKey=FWM 3, destination=198.51.100.1:0 DR weight 1]
                  DeleteService[serviceKey=UDP 192.0.2.20:53]
                $ ipvsadm -Ln
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                TCP  192.0.2.20:80 wrr
                  -> 198.51.100.2:80              Masq    5      0          0
                  -> 198.51.100.3:80              Masq    1      0          0
                FWM  3 mh
                  -> 198.51.100.1:0               Route   1      0          0
                b again: 0 applied, complete true
                """);
    }

    @Test
    void flushEmptiesTheTable() {
        assertThat(section("flush")).isEqualTo("""
                $ ipvsadm -Ln
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                services: []
                """);
    }

    @Test
    void autoChoosesTheKernelWhereItsIpvsAnswersAndSaysWhy() {
        assertThat(section("backend selection")).isEqualTo("""
                INFO org.jkeepalived.ipvs.internal.DataPlaneComponent - data plane: kernel backend, because jkeepalived.dataplane=auto \
                and the kernel's IPVS answers (IP Virtual Server 1.2.1, connection table 4096)
                auto: KERNEL
                INFO org.jkeepalived.ipvs.internal.DataPlaneComponent - data plane: kernel backend, because jkeepalived.dataplane=kernel \
                and the kernel's IPVS answers (IP Virtual Server 1.2.1, connection table 4096)
                kernel: KERNEL
                """);
    }

    private static String section(String name) {
        assertThat(sections).as("sections of the report").containsKey(name);
        return sections.get(name);
    }

    private static boolean twosInThisKernel() {
        return section("info").contains("twos: in this kernel");
    }

    private static List<String> numbers(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        List<String> numbers = new ArrayList<>();
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                numbers.add(matcher.group(group));
            }
        }
        return numbers;
    }
}
