package org.jkeepalived.netlink.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.jkeepalived.core.api.linux.Errno;
import org.junit.jupiter.api.Test;

class NetlinkExceptionTest {

    @Test
    void namesTheOperationTheErrnoAndWhatItMeans() {
        assertThat(new NetlinkException("add 192.0.2.10/32 to eth9", Errno.ENODEV, null))
                .hasMessage("cannot add 192.0.2.10/32 to eth9: ENODEV (No such device): no such interface");
        assertThat(new NetlinkException("add 192.0.2.10/32 to eth0", Errno.EEXIST, "ipv4: Address already assigned"))
                .hasMessage("cannot add 192.0.2.10/32 to eth0: EEXIST (File exists): already present"
                        + " (kernel: ipv4: Address already assigned)");
        assertThat(new NetlinkException("add 192.0.2.10/32 to eth0", Errno.EPERM, null))
                .hasMessage("cannot add 192.0.2.10/32 to eth0: EPERM (Operation not permitted): not permitted: needs CAP_NET_ADMIN");
        assertThat(new NetlinkException("delete route 10.0.0.0/8", Errno.ESRCH, null))
                .hasMessage("cannot delete route 10.0.0.0/8: ESRCH (No such process): not present");
        assertThat(new NetlinkException("delete 192.0.2.10/32 from eth0", Errno.EADDRNOTAVAIL, null))
                .hasMessage("cannot delete 192.0.2.10/32 from eth0: EADDRNOTAVAIL (Cannot assign requested address): not present");
        assertThat(new NetlinkException("list links", Errno.ETIMEDOUT, null))
                .hasMessage("cannot list links: ETIMEDOUT (Connection timed out): the kernel did not answer in time");
        assertThat(new NetlinkException("list links", Errno.EBADMSG, "attribute 3 is truncated"))
                .hasMessage("cannot list links: EBADMSG (Bad message): the kernel's reply could not be decoded"
                        + " (kernel: attribute 3 is truncated)");
        assertThat(new NetlinkException("add link x", 95, null)).hasMessage("cannot add link x: EOPNOTSUPP (Operation not supported)");
    }

    @Test
    void keepsItsPartsForCallersThatReact() {
        NetlinkException e = new NetlinkException("add 192.0.2.10/32 to eth0", Errno.EEXIST, "exists");

        assertThat(e.operation()).isEqualTo("add 192.0.2.10/32 to eth0");
        assertThat(e.errno()).isEqualTo(Errno.EEXIST);
        assertThat(e.errnoName()).isEqualTo("EEXIST");
        assertThat(e.kernelMessage()).isEqualTo("exists");
    }
}
