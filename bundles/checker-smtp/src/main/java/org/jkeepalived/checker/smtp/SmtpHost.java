package org.jkeepalived.checker.smtp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

import org.jkeepalived.checker.api.CheckTarget;

/**
 * A {@code host} block of SMTP_CHECK, the old way to check several servers with one checker: its
 * connection settings, each taken from the checker's target where not given.
 *
 * @param connectIp connect_ip
 * @param connectPort connect_port
 * @param bindTo bindto
 * @param bindPort bind_port
 * @param bindInterface bind_if
 * @param connectTimeout connect_timeout
 * @param fwmark fwmark
 */
record SmtpHost(Optional<InetAddress> connectIp, Optional<Integer> connectPort, Optional<InetAddress> bindTo,
        Optional<Integer> bindPort, Optional<String> bindInterface, Optional<Duration> connectTimeout,
        Optional<Integer> fwmark) {

    /**
     * @param checker the checker's own target
     * @return the target of this host
     */
    CheckTarget over(CheckTarget checker) {
        CheckTarget.Builder target = CheckTarget.builder(new InetSocketAddress(
                        connectIp.orElse(checker.address().getAddress()), connectPort.orElse(checker.address().getPort())))
                .connectTimeout(connectTimeout.orElse(checker.connectTimeout()))
                .delayLoop(checker.delayLoop())
                .fwmark(fwmark.orElse(checker.fwmark()))
                .bindInterface(bindInterface.or(checker::bindInterface).orElse(null));
        Optional<InetSocketAddress> inherited = checker.bindAddress();
        if (bindTo.isPresent() || bindPort.isPresent()) {
            InetAddress address = bindTo.orElse(inherited.map(InetSocketAddress::getAddress).orElse(null));
            int port = bindPort.orElse(inherited.map(InetSocketAddress::getPort).orElse(0));
            target.bindAddress(address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port));
        } else {
            inherited.ifPresent(target::bindAddress);
        }
        return target.build();
    }
}
