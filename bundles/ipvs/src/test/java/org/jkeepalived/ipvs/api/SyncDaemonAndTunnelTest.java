package org.jkeepalived.ipvs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.jkeepalived.ipvs.api.Forwarding.Method;
import org.jkeepalived.ipvs.api.Forwarding.TunnelChecksum;
import org.jkeepalived.ipvs.api.Forwarding.TunnelType;
import org.junit.jupiter.api.Test;

class SyncDaemonAndTunnelTest {

    @Test
    void nocsumIsTheKernelsNoChecksumSoThatATunnelReadBackEqualsTheOneAskedFor() {
        Forwarding asked = new Forwarding(Method.TUN, TunnelType.GRE, 0, TunnelChecksum.NOCSUM);
        assertThat(asked.tunnelChecksum()).isEqualTo(TunnelChecksum.NONE);
        assertThat(asked).isEqualTo(new Forwarding(Method.TUN, TunnelType.GRE, 0, TunnelChecksum.NONE));
        assertThat(TunnelChecksum.CSUM.bits()).isEqualTo(1);
        assertThat(TunnelChecksum.REMCSUM.bits()).isEqualTo(2);
        assertThatThrownBy(() -> new Forwarding(Method.DR, TunnelType.IPIP, 0, TunnelChecksum.CSUM)).hasMessageContaining("TUN only");
    }

    @Test
    void aSyncDaemonWithTheKernelsDefaultsOrItsOwnSettings() throws Exception {
        SyncDaemon daemon = SyncDaemon.of(SyncDaemon.Role.MASTER, "eth1", 50);
        assertThat(daemon.maxLength()).isEmpty();
        assertThat(daemon).hasToString("master on eth1 syncid 50");
        SyncDaemon set = daemon.withMaxLength(1400).withGroup(InetAddress.getByName("239.1.2.3")).withPort(9000).withTtl(2);
        assertThat(set).hasToString("master on eth1 syncid 50 maxlen 1400 group 239.1.2.3 port 9000 ttl 2");
        assertThat(SyncDaemon.Role.BACKUP.state()).isEqualTo(2);
    }

    @Test
    void aSyncDaemonRefusesWhatIpvsRefuses() throws Exception {
        assertThatThrownBy(() -> SyncDaemon.of(SyncDaemon.Role.MASTER, "", 1)).hasMessageContaining("not an interface name");
        assertThatThrownBy(() -> SyncDaemon.of(SyncDaemon.Role.MASTER, "a-very-long-name0", 1)).hasMessageContaining("1 to 15 characters");
        assertThatThrownBy(() -> SyncDaemon.of(SyncDaemon.Role.MASTER, "eth1", 256)).hasMessageContaining("sync id 256");
        assertThatThrownBy(() -> SyncDaemon.of(SyncDaemon.Role.MASTER, "eth1", 1).withGroup(InetAddress.getByName("192.0.2.1")))
                .hasMessageContaining("192.0.2.1 is not a multicast address");
        assertThatThrownBy(() -> SyncDaemon.of(SyncDaemon.Role.MASTER, "eth1", 1).withTtl(0)).hasMessageContaining("sync TTL 0");
    }
}
