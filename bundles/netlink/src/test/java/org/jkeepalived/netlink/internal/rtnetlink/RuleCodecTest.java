package org.jkeepalived.netlink.internal.rtnetlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jkeepalived.netlink.testing.HostBytes.bytes;

import java.util.List;
import java.util.Objects;

import org.jkeepalived.netlink.api.IpFamily;
import org.jkeepalived.netlink.api.IpPrefix;
import org.jkeepalived.netlink.api.RouteProtocol;
import org.jkeepalived.netlink.api.Rule;
import org.jkeepalived.netlink.api.RuleAction;
import org.jkeepalived.netlink.codec.NetlinkDecodeException;
import org.jkeepalived.netlink.codec.NetlinkFrameDecoder;
import org.jkeepalived.netlink.codec.NetlinkMessage;
import org.jkeepalived.netlink.testing.HostBytes;
import org.jkeepalived.netlink.testing.KernelReplies;
import org.junit.jupiter.api.Test;

/**
 * {@code struct fib_rule_hdr}: u8 family, u8 dst_len, u8 src_len, u8 tos, u8 table, u8 res1, u8 res2,
 * u8 action, u32 flags.
 */
class RuleCodecTest {

    @Test
    void aDumpRequestAsksForEveryFamily() {
        assertThat(HostBytes.of(RuleCodec.dump())).isEqualTo(bytes()
                // RTM_GETRULE, NLM_F_REQUEST | NLM_F_DUMP
                .u32(28).u16(34).u16(0x301).u32(0).u32(0)
                .u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u32(0)
                .array());
    }

    @Test
    void aRuleWithPrefixesMarkInterfacesPriorityAndTable() {
        Rule rule = Rule.builder(IpFamily.IPV4).from(IpPrefix.parse("192.0.2.0/24")).to(IpPrefix.parse("198.51.100.0/24"))
                .fwmark(0x10, 0xff).iif("eth0").oif("eth1").priority(100).table(100).build();

        assertThat(HostBytes.of(RuleCodec.add(rule))).isEqualTo(bytes()
                // RTM_NEWRULE, NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE
                .u32(92).u16(32).u16(0x605).u32(0).u32(0)
                // AF_INET, to /24, from /24, tos 0, table 100, reserved, FR_ACT_TO_TBL, no flags
                .u8(2).u8(24).u8(24).u8(0).u8(100).u8(0).u8(0).u8(1).u32(0)
                // FRA_DST, FRA_SRC, FRA_PRIORITY, FRA_FWMARK, FRA_FWMASK, FRA_IIFNAME, FRA_OIFNAME
                .u16(8).u16(1).ip("198.51.100.0")
                .u16(8).u16(2).ip("192.0.2.0")
                .u16(8).u16(6).u32(100)
                .u16(8).u16(10).u32(0x10)
                .u16(8).u16(16).u32(0xff)
                .u16(9).u16(3).string("eth0").zeros(3)
                .u16(9).u16(17).string("eth1").zeros(3)
                .array());
        assertThat(HostBytes.of(RuleCodec.delete(rule))).startsWith(bytes()
                // RTM_DELRULE, NLM_F_REQUEST | NLM_F_ACK
                .u32(92).u16(33).u16(0x005).array());
    }

    @Test
    void anInvertedRuleWithEveryOtherSelector() {
        Rule rule = Rule.builder(IpFamily.IPV4).invert().priority(400).table(1000).suppressPrefixLength(0).realms(0x10)
                .uidRange(new Rule.UidRange(100, 200)).ipProtocol(6)
                .sourcePorts(new Rule.PortRange(1000, 2000)).destinationPorts(new Rule.PortRange(80, 80))
                .protocol(RouteProtocol.KEEPALIVED).build();

        assertThat(HostBytes.of(RuleCodec.add(rule))).isEqualTo(bytes()
                .u32(104).u16(32).u16(0x605).u32(0).u32(0)
                // table above 255: RT_TABLE_UNSPEC here, FIB_RULE_INVERT
                .u8(2).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u8(1).u32(2)
                .u16(8).u16(6).u32(400)
                // FRA_TABLE, FRA_SUPPRESS_PREFIXLEN, FRA_FLOW
                .u16(8).u16(15).u32(1000)
                .u16(8).u16(14).u32(0)
                .u16(8).u16(11).u32(0x10)
                // FRA_UID_RANGE { start, end }
                .u16(12).u16(20).u32(100).u32(200)
                // FRA_IP_PROTO
                .u16(5).u16(22).u8(6).zeros(3)
                // FRA_SPORT_RANGE, FRA_DPORT_RANGE { u16 start, u16 end }
                .u16(8).u16(23).u16(1000).u16(2000)
                .u16(8).u16(24).u16(80).u16(80)
                // FRA_PROTOCOL
                .u16(5).u16(21).u8(18).zeros(3)
                .array());
    }

    @Test
    void gotoAndBlackholeRules() {
        Rule jump = Rule.builder(IpFamily.IPV4).from(IpPrefix.parse("192.0.2.128/25")).priority(50).goTo(100).build();
        Rule drop = Rule.builder(IpFamily.IPV6).to(IpPrefix.parse("2001:db8::/32")).priority(300)
                .action(RuleAction.BLACKHOLE).build();

        assertThat(HostBytes.of(RuleCodec.add(jump))).isEqualTo(bytes()
                .u32(52).u16(32).u16(0x605).u32(0).u32(0)
                // FR_ACT_GOTO
                .u8(2).u8(0).u8(25).u8(0).u8(0).u8(0).u8(0).u8(2).u32(0)
                .u16(8).u16(2).ip("192.0.2.128")
                .u16(8).u16(6).u32(50)
                // FRA_GOTO
                .u16(8).u16(4).u32(100)
                .array());
        assertThat(HostBytes.of(RuleCodec.add(drop))).isEqualTo(bytes()
                .u32(56).u16(32).u16(0x605).u32(0).u32(0)
                // AF_INET6, to /32, FR_ACT_BLACKHOLE
                .u8(10).u8(32).u8(0).u8(0).u8(0).u8(0).u8(0).u8(6).u32(0)
                .u16(20).u16(1).ip("2001:db8::")
                .u16(8).u16(6).u32(300)
                .array());
    }

    @Test
    void decodesTheRulesTheKernelDumped() {
        List<Rule> rules = KernelReplies.messages("rules").stream()
                .filter(message -> message.type() == RtnetlinkProtocol.RTM_NEWRULE)
                .map(RuleCodec::decode)
                .filter(Objects::nonNull)
                .toList();

        assertThat(rules).filteredOn(rule -> rule.family() == IpFamily.IPV4).extracting(Rule::priority)
                .containsExactly(0, 50, 100, 200, 300, 400, 32766, 32767);
        Rule local = priority(rules, IpFamily.IPV4, 0);
        assertThat(local.table()).isEqualTo(255);
        assertThat(local.from()).isNull();
        assertThat(local.suppressPrefixLength()).isNull();
        assertThat(local.protocol()).isEqualTo(RouteProtocol.KERNEL);
        assertThat(priority(rules, IpFamily.IPV4, 100)).isEqualTo(Rule.builder(IpFamily.IPV4)
                .from(IpPrefix.parse("192.0.2.0/24")).to(IpPrefix.parse("198.51.100.0/24"))
                .fwmark(0x10, 0xff).iif("veth0").oif("veth1").priority(100).table(100).build());
        Rule jump = priority(rules, IpFamily.IPV4, 50);
        assertThat(jump.action()).isEqualTo(RuleAction.GOTO);
        assertThat(jump.gotoTarget()).isEqualTo(100);
        Rule mark = priority(rules, IpFamily.IPV4, 200);
        assertThat(mark.fwmark()).isEqualTo(7);
        assertThat(mark.fwmask()).isEqualTo(0xffffffff);
        assertThat(mark.table()).isEqualTo(1000);
        Rule inverted = priority(rules, IpFamily.IPV4, 300);
        assertThat(inverted.invert()).isTrue();
        assertThat(inverted.action()).isEqualTo(RuleAction.BLACKHOLE);
        assertThat(inverted.to()).isEqualTo(IpPrefix.parse("203.0.113.0/24"));
        Rule selectors = priority(rules, IpFamily.IPV4, 400);
        assertThat(selectors.ipProtocol()).isEqualTo(6);
        assertThat(selectors.sourcePorts()).isEqualTo(new Rule.PortRange(1000, 2000));
        assertThat(selectors.destinationPorts()).isEqualTo(new Rule.PortRange(80, 80));
        assertThat(selectors.uidRange()).isEqualTo(new Rule.UidRange(100, 200));
        assertThat(selectors.suppressPrefixLength()).isZero();
        assertThat(priority(rules, IpFamily.IPV6, 500).from()).isEqualTo(IpPrefix.parse("2001:db8::/32"));
    }

    @Test
    void rejectsASelectorOfTheWrongSizeAndAnInconsistentRule() {
        NetlinkMessage shortPorts = NetlinkFrameDecoder.decode(bytes().u32(36).u16(32).u16(0).u32(0).u32(0)
                .u8(2).u8(0).u8(0).u8(0).u8(100).u8(0).u8(0).u8(1).u32(0).u16(6).u16(23).u16(1).zeros(2).buffer()).get(0);
        NetlinkMessage reversedPorts = NetlinkFrameDecoder.decode(bytes().u32(36).u16(32).u16(0).u32(0).u32(0)
                .u8(2).u8(0).u8(0).u8(0).u8(100).u8(0).u8(0).u8(1).u32(0).u16(8).u16(23).u16(9).u16(1).buffer()).get(0);

        assertThatThrownBy(() -> RuleCodec.decode(shortPorts)).isInstanceOf(NetlinkDecodeException.class);
        assertThatThrownBy(() -> RuleCodec.decode(reversedPorts)).isInstanceOf(NetlinkDecodeException.class)
                .hasMessageContaining("inconsistent rule");
    }

    private static Rule priority(List<Rule> rules, IpFamily family, int priority) {
        return rules.stream().filter(r -> r.family() == family && r.priority() == priority).findFirst().orElseThrow();
    }
}
