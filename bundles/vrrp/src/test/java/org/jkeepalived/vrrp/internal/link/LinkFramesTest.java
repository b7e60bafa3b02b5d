package org.jkeepalived.vrrp.internal.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.vrrp.MacAddress;
import org.jkeepalived.testing.netns.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gratuitous ARP and unsolicited NA frames byte for byte, and as tcpdump decodes them. */
class LinkFramesTest {

    private static final MacAddress MAC = new MacAddress(0x5254_0012_3456L);
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void aGratuitousArpIsABroadcastRequestForItsOwnAddress() {
        ByteBuffer frame = ByteBuffer.allocate(GratuitousArp.LENGTH);
        GratuitousArp.write(frame, 0, MAC, (Inet4Address) address("192.168.200.16"));

        assertThat(HEX.formatHex(frame.array())).isEqualTo(
                "ffffffffffff" + "525400123456" + "0806"        // broadcast, from the new owner, ARP
                + "0001" + "0800" + "06" + "04" + "0001"        // Ethernet, IPv4, lengths, request
                + "525400123456" + "c0a8c810"                   // sender: MAC and the address
                + "ffffffffffff" + "c0a8c810");                 // target: broadcast and the address again
    }

    @Test
    void anUnsolicitedNeighbourAdvertOverridesWithTheTargetLinkLayerAddress() {
        ByteBuffer frame = ByteBuffer.allocate(UnsolicitedNeighbourAdvert.LENGTH);
        UnsolicitedNeighbourAdvert.write(frame, 0, MAC, (Inet6Address) address("2001:db8::10"), true);

        String hex = HEX.formatHex(frame.array());
        assertThat(hex.substring(0, 28)).isEqualTo("333300000001" + "525400123456" + "86dd");
        assertThat(hex.substring(28, 108)).isEqualTo("60000000" + "0020" + "3a" + "ff"
                + "20010db8000000000000000000000010" + "ff020000000000000000000000000001");
        assertThat(hex.substring(108, 116)).isEqualTo("88" + "00" + hex.substring(112, 116));
        assertThat(hex.substring(116)).isEqualTo("a0000000" + "20010db8000000000000000000000010"
                + "0201" + "525400123456");
    }

    @Test
    void virtualRouterAndGroupMacAddresses() {
        assertThat(Ethernet.virtualRouterMac(IpFamily.INET, 51)).hasToString("00:00:5e:00:01:33");
        assertThat(Ethernet.virtualRouterMac(IpFamily.INET6, 51)).hasToString("00:00:5e:00:02:33");
        assertThat(Ethernet.ipv4Multicast(address("224.0.0.18").getAddress())).hasToString("01:00:5e:00:00:12");
        assertThat(Ethernet.ipv4Multicast(address("239.129.2.3").getAddress())).hasToString("01:00:5e:01:02:03");
        assertThat(Ethernet.ipv6Multicast(address("ff02::12").getAddress())).hasToString("33:33:00:00:00:12");
    }

    @Test
    void tcpdumpDecodesTheFramesAndFindsTheChecksumRight(@TempDir Path directory) throws IOException {
        assumeTrue(Command.run(List.of("tcpdump", "--version")).succeeded(), "tcpdump is not installed");
        ByteBuffer arp = ByteBuffer.allocate(GratuitousArp.LENGTH);
        GratuitousArp.write(arp, 0, MAC, (Inet4Address) address("192.168.200.16"));
        ByteBuffer na = ByteBuffer.allocate(UnsolicitedNeighbourAdvert.LENGTH);
        UnsolicitedNeighbourAdvert.write(na, 0, MAC, (Inet6Address) address("fe80::10"), false);
        Path pcap = directory.resolve("announcements.pcap");
        Files.write(pcap, pcap(arp.array(), na.array()));

        String decoded = Command.run(List.of("tcpdump", "-r", pcap.toString(), "-n", "-e", "-vvv")).orFail();

        assertThat(decoded).contains("52:54:00:12:34:56 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806)")
                .contains("Request who-has 192.168.200.16 (ff:ff:ff:ff:ff:ff) tell 192.168.200.16")
                .contains("52:54:00:12:34:56 > 33:33:00:00:00:01, ethertype IPv6 (0x86dd)")
                .contains("hlim 255")
                .contains("[icmp6 sum ok]")
                .contains("neighbor advertisement, length 32, tgt is fe80::10, Flags [override]")
                .contains("destination link-address option (2), length 8 (1): 52:54:00:12:34:56");
    }

    private static byte[] pcap(byte[]... frames) {
        int length = 24;
        for (byte[] frame : frames) {
            length += 16 + frame.length;
        }
        ByteBuffer file = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        file.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        for (byte[] frame : frames) {
            file.putInt(1_700_000_000).putInt(0).putInt(frame.length).putInt(frame.length).put(frame);
        }
        return file.array();
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
