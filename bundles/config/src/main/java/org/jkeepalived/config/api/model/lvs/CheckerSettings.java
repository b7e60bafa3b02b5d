package org.jkeepalived.config.api.model.lvs;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

import org.jkeepalived.checker.api.CheckTarget;

/**
 * The settings every checker block accepts, which the engine applies whatever the checker: where to
 * connect, from where, and when and how often to check. Timers and counts are resolved: the
 * checker's value, else the real server's, else the virtual server's, else keepalived's default for
 * the checker (retry 1, or 3 for DNS_CHECK and 0 for MISC_CHECK; delay_before_retry 1 s, 3 s for
 * HTTP_GET and SSL_GET, delay_loop for DNS_CHECK).
 *
 * @param connectIp connect_ip: the address to check instead of the real server's
 * @param connectPort connect_port: the port to check instead of the real server's
 * @param bindTo bindto: the source address
 * @param bindPort bind_port: the source port
 * @param bindInterface bind_if: the interface to bind to (needed for a link-local bindto)
 * @param connectTimeout connect_timeout (default 5 s)
 * @param fwmark fwmark: the mark of the checker's packets, 0 for none
 * @param retry retry (or nb_get_retry): failed probes in a row before the real server is down
 * @param delayBeforeRetry delay_before_retry: time before probing again after a failure
 * @param warmup warmup: the first probe comes after a random delay up to this (default delay_loop)
 * @param delayLoop delay_loop: time between probes (default 60 s)
 * @param alpha alpha: the real server starts as down for this checker
 * @param logAllFailures log_all_failures (default checker_log_all_failures)
 */
public record CheckerSettings(
        Optional<InetAddress> connectIp,
        Optional<Integer> connectPort,
        Optional<InetAddress> bindTo,
        Optional<Integer> bindPort,
        Optional<String> bindInterface,
        Duration connectTimeout,
        long fwmark,
        int retry,
        Duration delayBeforeRetry,
        Duration warmup,
        Duration delayLoop,
        boolean alpha,
        boolean logAllFailures) {

    /**
     * Where the checker of a real server connects, as the checker SPI gives it to a checker.
     *
     * @param realServer the real server's address
     * @param realServerPort the real server's port
     * @return the target: connect_ip and connect_port where set, the real server otherwise
     */
    public CheckTarget target(InetAddress realServer, int realServerPort) {
        InetSocketAddress address = new InetSocketAddress(connectIp.orElse(realServer), connectPort.orElse(realServerPort));
        CheckTarget.Builder target = CheckTarget.builder(address)
                .connectTimeout(connectTimeout)
                .delayLoop(delayLoop)
                .fwmark((int) fwmark);
        bindInterface.ifPresent(target::bindInterface);
        if (bindTo.isPresent() || bindPort.isPresent()) {
            target.bindAddress(bindTo.map(source -> new InetSocketAddress(source, bindPort.orElse(0)))
                    .orElseGet(() -> new InetSocketAddress(bindPort.get())));
        }
        return target.build();
    }
}
