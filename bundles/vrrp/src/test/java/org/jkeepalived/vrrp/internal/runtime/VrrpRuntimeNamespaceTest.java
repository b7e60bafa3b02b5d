package org.jkeepalived.vrrp.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jkeepalived.testing.netns.Command;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.net.PacketCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime as the configuration drives it, on two routers in namespaces: instances that did not
 * change carry on through a reload, removed ones hand over, changed ones restart, stopping hands
 * everything over, and each master's addresses are in its kernel and nowhere else.
 */
class VrrpRuntimeNamespaceTest extends RouterSegmentTest {

    private static final Duration TAKEOVER = Duration.ofSeconds(10);

    @Test
    void theMasterHoldsTheAddressesWithTheirLabelAndTheBackupNone() {
        first.apply(config(150, true, 150));
        second.apply(config(100, true, 100));

        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER
                && second.instance("VI_1").state() == VrrpState.BACKUP);
        await().atMost(TAKEOVER).until(() -> first.has("192.0.2.100") && first.has("192.0.2.200"));
        assertThat(first.namespace.execOrFail("ip", "-o", "addr", "show", "dev", "eth0"))
                .contains("192.0.2.100/24 brd 192.0.2.255 scope global secondary eth0:vip");
        assertThat(second.has("192.0.2.100")).isFalse();
        assertThat(second.has("192.0.2.200")).isFalse();
        assertThat(first.instance("VI_1").virtualAddresses()).containsExactly("192.0.2.100/24 dev eth0");
    }

    @Test
    void aReloadKeepsUnchangedInstancesRunningHandsOverRemovedOnesAndRestartsChangedOnes() {
        first.apply(config(150, true, 150));
        second.apply(config(100, true, 100));
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER
                && first.instance("VI_2").state() == VrrpState.MASTER && first.has("192.0.2.200"));

        // the same file again: nothing moves
        long sent = first.instance("VI_1").advertsSent();
        first.apply(config(150, true, 150));
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").advertsSent() > sent + 2);
        assertThat(first.instance("VI_1").becameMaster()).isEqualTo(1);
        assertThat(first.instance("VI_2").becameMaster()).isEqualTo(1);
        assertThat(second.instance("VI_1").becameMaster()).isZero();

        // VI_2 leaves the file: it hands over with a priority 0 advert and takes its address with it
        first.apply(config(150, false, 150));
        await().atMost(Duration.ofSeconds(3)).until(() -> second.instance("VI_2").state() == VrrpState.MASTER);
        await().atMost(TAKEOVER).until(() -> second.has("192.0.2.200") && !first.has("192.0.2.200"));
        assertThat(first.instanceNames()).containsExactly("VI_1");
        assertThat(first.instance("VI_1").becameMaster()).isEqualTo(1);
        assertThat(first.has("192.0.2.100")).isTrue();

        // VI_1 changes its priority below the other router's: it restarts and the other takes over
        first.apply(config(50, false, 150));
        await().atMost(TAKEOVER).until(() -> second.instance("VI_1").state() == VrrpState.MASTER
                && first.instance("VI_1").state() == VrrpState.BACKUP);
        await().atMost(TAKEOVER).until(() -> second.has("192.0.2.100") && !first.has("192.0.2.100"));
    }

    @Test
    void vrrpStartupDelayHoldsTheInstancesBackAndAReloadMeanwhileIsWhatTheyStartWith() {
        String delayed = "global_defs {\n    vrrp_startup_delay 3\n}\n";
        first.apply(delayed + config(150, false, 0));
        first.apply(delayed + config(150, true, 150));

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(2)).until(() -> first.instanceNames().isEmpty());
        await().atMost(TAKEOVER).ignoreExceptions().until(() -> first.instance("VI_1").state() == VrrpState.MASTER
                && first.instance("VI_2").state() == VrrpState.MASTER);
        await().atMost(TAKEOVER).until(() -> first.has("192.0.2.200"));
    }

    @Test
    void aMasterAnnouncesEachAddressOnTheInterfaceItIsOnExcludedAndOtherFamilyOnesToo() throws Exception {
        addEth1();
        String eth1Mac = first.namespace.execOrFail("cat", "/sys/class/net/eth1/address").trim().replace(":", "");
        InetAddress onEth1 = InetAddress.getByName("198.51.100.100");
        InetAddress excluded = InetAddress.getByName("2001:db8::100");
        try (PacketCapture eth1 = first.namespace.call(() -> PacketCapture.open("tap1"));
                PacketCapture eth0 = second.namespace.call(() -> PacketCapture.open("eth0"))) {
            first.apply("""
                    vrrp_instance VI_1 {
                        state BACKUP
                        interface eth0
                        virtual_router_id 51
                        priority 150
                        advert_int 1
                        virtual_ipaddress {
                            192.0.2.100/24 dev eth0
                            198.51.100.100/24 dev eth1
                        }
                        virtual_ipaddress_excluded {
                            2001:db8::100/64 dev eth1
                        }
                    }
                    """);
            await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER);

            List<byte[]> arps = eth1.incoming(frame -> isArpFor(frame, onEth1), 1, 5_000);
            assertThat(arps).as("a gratuitous ARP for 198.51.100.100 on eth1").hasSize(1);
            assertThat(HexFormat.of().formatHex(arps.get(0), 6, 12)).as("from eth1's MAC address").isEqualTo(eth1Mac);
            assertThat(eth1.incoming(frame -> isNeighbourAdvertFor(frame, excluded), 1, 5_000))
                    .as("an unsolicited NA for the excluded 2001:db8::100 on eth1").hasSize(1);
            assertThat(eth0.incoming(frame -> isArpFor(frame, onEth1), 1, 1_000)).as("none on eth0").isEmpty();
        }
    }

    /** Gives the first router an eth1, whose frames tap1 shows. */
    private void addEth1() {
        first.namespace.execOrFail("ip", "link", "add", "eth1", "type", "veth", "peer", "name", "tap1");
        first.namespace.execOrFail("ip", "link", "set", "eth1", "up");
        first.namespace.execOrFail("ip", "link", "set", "tap1", "up");
    }

    /** A gratuitous ARP: an ARP whose sender protocol address is {@code address}. */
    private static boolean isArpFor(byte[] frame, InetAddress address) {
        return frame.length >= 42 && frame[12] == 0x08 && frame[13] == 0x06
                && Arrays.equals(frame, 28, 32, address.getAddress(), 0, 4);
    }

    /** A neighbour advertisement (ICMPv6 type 136) whose target is {@code address}. */
    private static boolean isNeighbourAdvertFor(byte[] frame, InetAddress address) {
        return frame.length >= 78 && frame[12] == (byte) 0x86 && frame[13] == (byte) 0xdd && frame[20] == 58
                && (frame[54] & 0xff) == 136 && Arrays.equals(frame, 62, 78, address.getAddress(), 0, 16);
    }

    @Test
    void aGarpGroupSpacesTheArpsOfAllItsInterfaces() throws Exception {
        addEth1();
        InetAddress onEth0 = InetAddress.getByName("192.0.2.100");
        InetAddress onEth1 = InetAddress.getByName("198.51.100.100");
        try (PacketCapture eth1 = first.namespace.call(() -> PacketCapture.open("tap1"));
                PacketCapture eth0 = second.namespace.call(() -> PacketCapture.open("eth0"))) {
            first.apply("""
                    garp_group {
                        garp_interval 0.15
                        interfaces {
                            eth0
                            eth1
                        }
                    }
                    vrrp_instance VI_1 {
                        state MASTER
                        interface eth0
                        virtual_router_id 51
                        priority 255
                        advert_int 1
                        garp_master_repeat 2
                        virtual_ipaddress {
                            192.0.2.100/24 dev eth0
                            198.51.100.100/24 dev eth1
                        }
                    }
                    """);

            // two ARPs for each address, on two interfaces, spaced by garp_interval less what the receiving softirq delays one arrival
            List<PacketCapture.Received> arps = new ArrayList<>(eth1.incomingTimed(frame -> isArpFor(frame, onEth1), 2, 5_000));
            arps.addAll(eth0.incomingTimed(frame -> isArpFor(frame, onEth0), 2, 5_000));
            assertThat(arps).hasSize(4);
            arps.sort(Comparator.comparingLong(PacketCapture.Received::receivedNanos));
            for (int i = 1; i < arps.size(); i++) {
                assertThat(arps.get(i).receivedNanos() - arps.get(i - 1).receivedNanos()).as("gap before ARP %d", i)
                        .isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
            }
        }
    }

    @Test
    void garpExtraIfAllRefreshesEachOtherInterfaceEveryIntervalWithOneArp() throws Exception {
        addEth1();
        InetAddress onEth0 = InetAddress.getByName("192.0.2.100");
        InetAddress firstOnEth1 = InetAddress.getByName("198.51.100.100");
        InetAddress secondOnEth1 = InetAddress.getByName("198.51.100.101");
        try (PacketCapture eth1 = first.namespace.call(() -> PacketCapture.open("tap1"));
                PacketCapture eth0 = second.namespace.call(() -> PacketCapture.open("eth0"))) {
            first.apply("""
                    vrrp_instance VI_1 {
                        state MASTER
                        interface eth0
                        virtual_router_id 51
                        priority 255
                        advert_int 1
                        garp_master_delay 0
                        garp_master_repeat 1
                        garp_extra_if all 1
                        virtual_ipaddress {
                            192.0.2.100/24 dev eth0
                            198.51.100.100/24 dev eth1
                            198.51.100.101/24 dev eth1
                        }
                    }
                    """);
            await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER);

            // the burst on becoming master, then one ARP a second for eth1's first address only
            List<PacketCapture.Received> arps = eth1.incomingTimed(frame -> isArpFor(frame, firstOnEth1)
                    || isArpFor(frame, secondOnEth1), 100, 3_600);
            List<Long> refreshes = arps.stream().filter(arp -> isArpFor(arp.frame(), firstOnEth1))
                    .map(PacketCapture.Received::receivedNanos).toList();
            assertThat(refreshes).as("ARPs for 198.51.100.100 on eth1").hasSizeGreaterThanOrEqualTo(4);
            for (int i = 1; i < refreshes.size(); i++) {
                assertThat(refreshes.get(i) - refreshes.get(i - 1)).as("gap before ARP %d", i)
                        .isBetween(Duration.ofMillis(900).toNanos(), Duration.ofMillis(1100).toNanos());
            }
            assertThat(arps).filteredOn(arp -> isArpFor(arp.frame(), secondOnEth1)).as("ARPs for 198.51.100.101").hasSize(1);
            // the adverts keep eth0's MAC address in the switches: it gets the burst only
            assertThat(eth0.incoming(frame -> isArpFor(frame, onEth0), 10, 200)).as("ARPs on eth0").hasSize(1);
        }
    }

    @Test
    void aMasterWhoseAddressSomeoneDeletesSetsItAgainUnlessItIsNoTrack() {
        first.apply("""
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority 150
                    advert_int 1
                    virtual_ipaddress {
                        192.0.2.100/24 dev eth0
                    }
                }
                vrrp_instance VI_2 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 52
                    priority 150
                    advert_int 1
                    virtual_ipaddress {
                        192.0.2.200/24 dev eth0 no_track
                    }
                }
                """);
        await().atMost(TAKEOVER).until(() -> first.has("192.0.2.100") && first.has("192.0.2.200"));

        // back to BACKUP with a priority 0 advert, and master again after Skew_Time, with the address
        first.namespace.execOrFail("ip", "addr", "del", "192.0.2.100/24", "dev", "eth0");
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").becameMaster() == 2 && first.has("192.0.2.100"));
        assertThat(first.instance("VI_1").priorityZeroSent()).isEqualTo(1);

        first.namespace.execOrFail("ip", "addr", "del", "192.0.2.200/24", "dev", "eth0");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> !first.has("192.0.2.200")
                && first.instance("VI_2").state() == VrrpState.MASTER && first.instance("VI_2").becameMaster() == 1);
    }

    @Test
    void aStaticAddressSomeoneDeletesIsSetAgainUnlessItIsNoTrack() {
        first.apply("""
                static_ipaddress {
                    198.18.0.5/32 dev eth0
                    198.18.0.6/32 dev eth0 no_track
                }
                """);
        await().atMost(TAKEOVER).until(() -> first.has("198.18.0.5") && first.has("198.18.0.6"));

        first.namespace.execOrFail("ip", "addr", "del", "198.18.0.5/32", "dev", "eth0");
        first.namespace.execOrFail("ip", "addr", "del", "198.18.0.6/32", "dev", "eth0");

        await().atMost(TAKEOVER).until(() -> first.has("198.18.0.5"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> !first.has("198.18.0.6"));
    }

    @Test
    void stoppingHandsEveryInstanceOverAtOnce() {
        first.apply(config(150, true, 150));
        second.apply(config(100, true, 100));
        await().atMost(TAKEOVER).until(() -> first.has("192.0.2.100") && first.has("192.0.2.200"));

        first.stop();
        assertThat(first.has("192.0.2.100")).isFalse();
        assertThat(first.has("192.0.2.200")).isFalse();
        // a priority 0 advert: the backup takes over after Skew_Time, not Master_Down_Interval
        await().atMost(Duration.ofSeconds(2)).until(() -> second.instance("VI_1").state() == VrrpState.MASTER
                && second.instance("VI_2").state() == VrrpState.MASTER);
        await().atMost(TAKEOVER).until(() -> second.has("192.0.2.100") && second.has("192.0.2.200"));
    }

    @Test
    void theMastersLinkGoingDownTakesItToFaultAndTheBackupOverUntilTheLinkReturns() {
        first.apply(config(150, false, 0));
        second.apply(config(100, false, 0));
        await().atMost(TAKEOVER).until(() -> first.has("192.0.2.100") && second.instance("VI_1").state() == VrrpState.BACKUP);

        first.namespace.execOrFail("ip", "link", "set", "eth0", "down");
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.FAULT && !first.has("192.0.2.100"));
        await().atMost(TAKEOVER).until(() -> second.instance("VI_1").state() == VrrpState.MASTER && second.has("192.0.2.100"));

        // back up, it is a backup first and then preempts with its higher priority
        first.namespace.execOrFail("ip", "link", "set", "eth0", "up");
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER && first.has("192.0.2.100"));
        await().atMost(TAKEOVER).until(() -> second.instance("VI_1").state() == VrrpState.BACKUP && !second.has("192.0.2.100"));
    }

    @Test
    void withDontTrackPrimaryTheMasterIgnoresItsLinkGoingDown() {
        first.apply(config(150, false, 0).replace("advert_int 1", "advert_int 1\n    dont_track_primary"));
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER && first.has("192.0.2.100"));

        first.namespace.execOrFail("ip", "link", "set", "eth0", "down");

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> first.instance("VI_1").state() == VrrpState.MASTER && first.has("192.0.2.100"));
    }

    @Test
    void notifyScriptsRunOnEveryChangeAndAReloadChangesThemWithoutRestartingTheInstance(@TempDir Path scripts) throws IOException {
        Path events = scripts.resolve("events");
        Path notify = script(scripts.resolve("notify.sh"), "echo \"$*\" >> " + events);
        Path master = script(scripts.resolve("master.sh"), "echo master-script >> " + events);
        Path failing = script(scripts.resolve("failing.sh"), "echo failing-script >> " + events + "; exit 3");
        String withScripts = config(150, false, 0).replace("advert_int 1", "advert_int 1\n    notify " + notify
                + "\n    notify_master \"" + failing + " first\"\n    notify_stop " + master);
        first.apply(withScripts);

        await().atMost(TAKEOVER).until(() -> lines(events).containsAll(List.of("INSTANCE VI_1 BACKUP 150",
                "INSTANCE VI_1 MASTER 150", "failing-script")));
        assertThat(lines(events).indexOf("INSTANCE VI_1 BACKUP 150")).isLessThan(lines(events).indexOf("INSTANCE VI_1 MASTER 150"));

        // another notify_master: the instance goes on as it was, and the new script runs from now on
        first.apply(withScripts.replace("notify_master \"" + failing + " first\"", "notify_master " + master));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> first.instance("VI_1").state() == VrrpState.MASTER);
        assertThat(first.instance("VI_1").becameMaster()).isEqualTo(1);

        first.stop();
        await().atMost(TAKEOVER).until(() -> lines(events).containsAll(List.of("INSTANCE VI_1 STOP 150", "master-script")));
    }

    @Test
    void enableScriptSecurityRunsNoScriptOthersCouldReplaceAndDropsSuchAVrrpScriptFromTracking(@TempDir Path scripts)
            throws IOException {
        Path secured = Files.createDirectory(scripts.resolve("secured"));
        Path tolerated = Files.createDirectory(scripts.resolve("tolerated"));
        first.apply(unsafeScripts(secured, "enable_script_security", 100));
        second.apply(unsafeScripts(tolerated, "", 150));

        // the first's failing check is refused, so it stays at 100; the second's runs and takes it to 150 - 60 = 90
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER
                && second.instance("VI_1").state() == VrrpState.BACKUP && first.has("192.0.2.100"));
        // both went through BACKUP: only the second ran its open notify_backup
        await().atMost(TAKEOVER).untilAsserted(() -> assertThat(lines(tolerated.resolve("events")))
                .contains("INSTANCE VI_1 BACKUP 150", "unsafe backup"));
        assertThat(lines(secured.resolve("events"))).contains("INSTANCE VI_1 BACKUP 100", "INSTANCE VI_1 MASTER 100")
                .noneMatch(line -> line.startsWith("unsafe"));
    }

    /** An instance whose notify_backup and failing vrrp_script are in a directory every user can write. */
    private static String unsafeScripts(Path directory, String security, int priority) throws IOException {
        Path events = directory.resolve("events");
        Path open = Files.createDirectory(directory.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path notify = script(directory.resolve("notify.sh"), "echo \"$*\" >> " + events);
        Path openNotify = script(open.resolve("notify.sh"), "echo unsafe \"$*\" >> " + events);
        Path openCheck = script(open.resolve("check.sh"), "exit 1");
        return """
                global_defs {
                    script_user root
                    %s
                }
                vrrp_script chk_open {
                    script %s
                    interval 1
                    weight -60
                    init_fail
                }
                """.formatted(security, openCheck) + config(priority, false, 0).replace("advert_int 1", "advert_int 1\n    notify "
                + notify + "\n    notify_backup \"" + openNotify + " backup\"\n    track_script {\n        chk_open\n    }");
    }

    @Test
    void aFailingVrrpScriptLowersThePriorityAndTheBackupPreemptsUntilItSucceedsAgain(@TempDir Path state) throws IOException {
        Path healthy = Files.createFile(state.resolve("healthy"));
        String tracked = """
                vrrp_script chk_service {
                    script "/bin/test -f %s"
                    interval 1
                    fall 2
                    rise 2
                    weight -60
                }
                """.formatted(healthy) + config(150, false, 0).replace("advert_int 1", "advert_int 1\n    track_script {\n        chk_service\n    }");
        first.apply(tracked);
        second.apply(config(100, false, 0));
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER && first.has("192.0.2.100"));

        Files.delete(healthy);
        // two failures a second apart, then 150 - 60 = 90 is below the backup's 100: it preempts
        await().atMost(TAKEOVER).until(() -> second.instance("VI_1").state() == VrrpState.MASTER && second.has("192.0.2.100"));
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.BACKUP && !first.has("192.0.2.100"));

        Files.createFile(healthy);
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER && first.has("192.0.2.100"));
        await().atMost(TAKEOVER).until(() -> second.instance("VI_1").state() == VrrpState.BACKUP);
    }

    @Test
    void aVrrpScriptOfWeightZeroThatHangsPastItsTimeoutMakesAFault(@TempDir Path state) throws IOException {
        Path hang = Files.createFile(state.resolve("hang"));
        Path check = script(state.resolve("check.sh"), "if [ -f " + hang + " ]; then sleep 30; fi");
        String tracked = """
                vrrp_script chk_hangs {
                    script "%s"
                    interval 1
                    timeout 1
                    init_fail
                }
                """.formatted(check) + config(150, false, 0).replace("advert_int 1", "advert_int 1\n    track_script {\n        chk_hangs\n    }");
        first.apply(tracked);

        // init_fail: FAULT from the start, and the script never answers in time
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> first.instance("VI_1").state() == VrrpState.FAULT && !first.has("192.0.2.100"));

        Files.delete(hang);
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER && first.has("192.0.2.100"));
        assertThat(Command.run(List.of("pgrep", "-f", check.toString())).succeeded()).as("no hung script is left").isFalse();
    }

    @Test
    void aTrackFileMovesThePriorityWhenItIsWrittenAndItsInitFileValueCountsFromTheStart(@TempDir Path state) throws IOException {
        Path weight = state.resolve("weight");
        String tracked = """
                track_file drain {
                    file "%s"
                    weight -10
                    init_file 6
                }
                """.formatted(weight) + config(150, false, 0).replace("advert_int 1", "advert_int 1\n    track_file {\n        drain\n    }");
        second.apply(config(100, false, 0));
        await().atMost(TAKEOVER).until(() -> second.instance("VI_1").state() == VrrpState.MASTER && second.has("192.0.2.100"));
        first.apply(tracked);

        // 150 - 6 * 10 = 90 from the start: the first router never preempts the other's 100
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6))
                .until(() -> first.instance("VI_1").state() == VrrpState.BACKUP && second.has("192.0.2.100"));
        assertThat(Files.readString(weight).trim()).isEqualTo("6");
        assertThat(first.instance("VI_1").becameMaster()).isZero();

        Files.writeString(weight, "0\n");
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER && first.has("192.0.2.100"));
        await().atMost(TAKEOVER).until(() -> !second.has("192.0.2.100"));
    }

    @Test
    void aTrackedProcessOfWeightZeroFaultsTheInstanceUntilItRuns(@TempDir Path programs) throws Exception {
        // a copy of sleep under a name no other process has
        Path server = programs.resolve("jk-trk-" + ProcessHandle.current().pid());
        Files.copy(Path.of("/bin/sleep"), server);
        Files.setPosixFilePermissions(server, PosixFilePermissions.fromString("rwxr-xr-x"));
        String tracked = """
                vrrp_track_process server {
                    process %s
                    weight 0
                }
                """.formatted(server.getFileName()) + config(150, false, 0)
                .replace("advert_int 1", "advert_int 1\n    track_process {\n        server\n    }");
        second.apply(config(100, false, 0));
        first.apply(tracked);

        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.FAULT
                && second.instance("VI_1").state() == VrrpState.MASTER && second.has("192.0.2.100"));

        Process process = new ProcessBuilder(server.toString(), "1000").start();
        try {
            await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER && first.has("192.0.2.100")
                    && !second.has("192.0.2.100"));
        } finally {
            process.destroyForcibly().waitFor();
        }
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.FAULT && !first.has("192.0.2.100")
                && second.instance("VI_1").state() == VrrpState.MASTER);
    }

    @Test
    void aSyncGroupMovesTogetherWhenOneMemberFaultsAndRunsItsGroupScriptsAndTellsListeners(@TempDir Path state)
            throws IOException {
        List<String> transitions = new CopyOnWriteArrayList<>();
        first.runtime.addListener(transition -> transitions.add(transition.toString()));
        Path healthy = Files.createFile(state.resolve("healthy"));
        Path events = state.resolve("events");
        Path notify = script(state.resolve("notify.sh"), "echo \"$*\" >> " + events);
        String group = """
                vrrp_script chk_uplink {
                    script "/bin/test -f %s"
                    interval 1
                }
                vrrp_sync_group G {
                    group {
                        VI_1
                        VI_2
                    }
                    notify %s
                }
                """.formatted(healthy, notify);
        first.apply(group + config(150, true, 150).replace("virtual_router_id 52", "virtual_router_id 52\n    track_script {\n        chk_uplink\n    }"));
        second.apply(group + config(100, true, 100));
        await().atMost(TAKEOVER).until(() -> first.has("192.0.2.100") && first.has("192.0.2.200"));
        await().atMost(TAKEOVER).until(() -> lines(events).contains("GROUP G MASTER 0"));

        // only VI_2 tracks the script, yet the whole group leaves: no router holds half of it
        Files.delete(healthy);
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.FAULT
                && first.instance("VI_2").state() == VrrpState.FAULT);
        await().atMost(TAKEOVER).until(() -> second.has("192.0.2.100") && second.has("192.0.2.200")
                && !first.has("192.0.2.100") && !first.has("192.0.2.200"));
        await().atMost(TAKEOVER).until(() -> lines(events).contains("GROUP G FAULT 0"));

        Files.createFile(healthy);
        await().atMost(TAKEOVER).until(() -> first.has("192.0.2.100") && first.has("192.0.2.200")
                && !second.has("192.0.2.100") && !second.has("192.0.2.200"));

        // each instance's change comes before the group's it causes; a group leaves FAULT through BACKUP
        await().atMost(TAKEOVER).untilAsserted(() -> assertThat(transitions).containsSubsequence(
                "INSTANCE VI_1 INITIALIZE -> BACKUP", "SYNC_GROUP G INITIALIZE -> BACKUP",
                "INSTANCE VI_1 BACKUP -> MASTER", "SYNC_GROUP G BACKUP -> MASTER",
                "SYNC_GROUP G MASTER -> FAULT", "SYNC_GROUP G FAULT -> BACKUP",
                "INSTANCE VI_1 BACKUP -> MASTER", "SYNC_GROUP G BACKUP -> MASTER"));
        assertThat(transitions).contains("INSTANCE VI_1 MASTER -> FAULT", "INSTANCE VI_2 MASTER -> FAULT",
                "INSTANCE VI_2 BACKUP -> MASTER");
    }

    @Test
    void aSyncGroupNeverSplitsEvenWhenOneMembersPriorityIsLowerThanThePeers() {
        String group = """
                vrrp_sync_group G {
                    group {
                        VI_1
                        VI_2
                    }
                }
                """;
        first.apply(group + config(150, true, 50));
        second.apply(group + config(100, true, 100));

        // without the group, each router would be master of one instance
        await().atMost(TAKEOVER).until(() -> first.has("192.0.2.100") && first.has("192.0.2.200"));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> first.has("192.0.2.200")
                && second.instance("VI_2").state() == VrrpState.BACKUP && second.instance("VI_1").state() == VrrpState.BACKUP);
        assertThat(second.instance("VI_2").becameMaster()).isZero();
    }

    @Test
    void anInstanceThatCannotStartIsLeftOutAndTheOthersRun() {
        first.apply(config(150, true, 150).replace("interface eth0\n    virtual_router_id 52", "interface eth9\n    virtual_router_id 52"));

        await().atMost(TAKEOVER).until(() -> first.has("192.0.2.100"));
        assertThat(first.instanceNames()).containsExactly("VI_1");
    }

    private static Path script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    @Test
    void disableLocalIgmpTurnsTheReportsOffFromTheFirstConfigurationUntilVrrpStops() {
        assertThat(localIgmpReports(first)).isEqualTo("1");
        first.apply("global_defs {\n    disable_local_igmp\n}\n" + config(150, false, 0));
        await().atMost(TAKEOVER).until(() -> localIgmpReports(first).equals("0"));

        // as keepalived, a reload does not change it
        first.apply(config(150, false, 0));
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER);
        assertThat(localIgmpReports(first)).isEqualTo("0");

        first.stop();
        assertThat(localIgmpReports(first)).isEqualTo("1");
        // the other router's configuration does not ask: its namespace's setting is left alone
        second.apply(config(100, false, 0));
        await().atMost(TAKEOVER).until(() -> second.instance("VI_1").state() == VrrpState.MASTER);
        assertThat(localIgmpReports(second)).isEqualTo("1");
    }

    private static String localIgmpReports(RuntimeRouter router) {
        return router.namespace.execOrFail("cat", "/proc/sys/net/ipv4/igmp_link_local_mcast_reports").trim();
    }

    private static String config(int firstPriority, boolean withSecond, int secondPriority) {
        String text = """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    virtual_ipaddress {
                        192.0.2.100/24 brd + dev eth0 label eth0:vip
                    }
                }
                """.formatted(firstPriority);
        if (withSecond) {
            text += """
                    vrrp_instance VI_2 {
                        state BACKUP
                        interface eth0
                        virtual_router_id 52
                        priority %d
                        advert_int 1
                        virtual_ipaddress {
                            192.0.2.200
                        }
                    }
                    """.formatted(secondPriority);
        }
        return text;
    }
}
