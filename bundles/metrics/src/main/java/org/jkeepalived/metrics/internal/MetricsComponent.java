package org.jkeepalived.metrics.internal;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.healthcheck.api.CheckerDetail;
import org.jkeepalived.healthcheck.api.HealthService;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.jkeepalived.lvs.api.VirtualServerService;
import org.jkeepalived.lvs.api.VirtualServerStatus;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the metrics of the subsystems that run: the Prometheus endpoint, and the MXBeans,
 * refreshed every {@value #JMX_REFRESH_SECONDS} seconds and at each scrape.
 *
 * <p>The endpoint listens where the {@value #ADDRESS} property of the configuration PID
 * {@value #PID} ({@code etc/org.jkeepalived.metrics.cfg}) says, else the system property
 * {@value #ADDRESS_PROPERTY}, else {@value #DEFAULT_ADDRESS}: the loopback only, since the metrics
 * tell who is master and which real servers are down; port 9650 stays clear of keepalived_exporter's
 * 9165, which may run beside it during a migration. {@code none} turns the endpoint off.
 */
@Component(immediate = true, configurationPid = MetricsComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class MetricsComponent {

    /** The configuration PID. */
    static final String PID = "org.jkeepalived.metrics";
    /** The property of the address, {@code host:port}. */
    static final String ADDRESS = "address";
    /** The system property of the address, when the configuration has none. */
    static final String ADDRESS_PROPERTY = "jkeepalived.metrics.address";
    static final String DEFAULT_ADDRESS = "127.0.0.1:9650";
    private static final long JMX_REFRESH_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(MetricsComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile VrrpService vrrp;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile VirtualServerService virtualServers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HealthService health;

    private final JmxBeans beans = JmxBeans.platform();
    private final ScheduledExecutorService jmxRefresh = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "jkeepalived-jmx");
        thread.setDaemon(true);
        return thread;
    });
    private final Optional<MetricsHttpServer> server;

    /** @param properties the configuration of {@value #PID} */
    @Activate
    public MetricsComponent(Map<String, Object> properties) {
        String address = String.valueOf(properties.getOrDefault(ADDRESS,
                System.getProperty(ADDRESS_PROPERTY, DEFAULT_ADDRESS))).trim();
        this.server = address.equals("none") ? Optional.empty() : start(address);
        jmxRefresh.scheduleWithFixedDelay(this::refreshJmx, 0, JMX_REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        server.ifPresent(MetricsHttpServer::close);
        jmxRefresh.shutdownNow();
        beans.close();
    }

    /** @return the Prometheus text of the moment; the MXBeans get the same reading */
    String scrape() {
        Reading reading = read();
        beans.update(reading.instances(), reading.virtualServers());
        return PrometheusFormat.write(MetricFamilies.of(reading));
    }

    private Optional<MetricsHttpServer> start(String address) {
        try {
            MetricsHttpServer started = MetricsHttpServer.start(parse(address), this::scrape);
            LOG.info("Prometheus metrics on http://{}{}", address, MetricsHttpServer.PATH);
            return Optional.of(started);
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.error("no Prometheus metrics: {}; set {} in etc/{}.cfg (host:port, or none)", e.getMessage(), ADDRESS, PID);
            return Optional.empty();
        }
    }

    /** {@code 127.0.0.1:9650}, {@code [::1]:9650}, {@code 0.0.0.0:9650}. */
    static InetSocketAddress parse(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("metrics address " + address + " is not host:port");
        }
        String host = address.substring(0, colon).replace("[", "").replace("]", "");
        try {
            return new InetSocketAddress(host, Integer.parseInt(address.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("metrics address " + address + " is not host:port: " + e.getMessage(), e);
        }
    }

    /** The beans show no health details nor checker counters: only what they need is read. */
    private void refreshJmx() {
        try {
            beans.update(instances(vrrp), virtualServers());
        } catch (RuntimeException e) {
            LOG.warn("JMX values not refreshed: {}", e.getMessage());
        }
    }

    private Reading read() {
        VrrpService vrrpNow = vrrp;
        HealthService healthNow = health;
        List<VirtualServerStatus> servers = virtualServers();
        List<RealServerHealth> realServers = healthNow == null ? List.of() : healthNow.snapshot();
        Map<RealServerKey, List<CheckerDetail>> checkers = new HashMap<>();
        if (healthNow != null) {
            realServers.forEach(real -> healthNow.checkers(real.key()).ifPresent(details -> checkers.put(real.key(), details)));
        }
        return new Reading(instances(vrrpNow),
                vrrpNow == null ? Map.of() : vrrpNow.syncGroupStates(), servers, realServers, checkers,
                healthNow == null ? Optional.empty() : Optional.of(healthNow.statistics()));
    }

    private static List<VrrpInstanceStatus> instances(VrrpService vrrpNow) {
        return vrrpNow == null ? List.of() : vrrpNow.instances();
    }

    private List<VirtualServerStatus> virtualServers() {
        VirtualServerService virtualServersNow = virtualServers;
        if (virtualServersNow != null) {
            try {
                return virtualServersNow.virtualServers();
            } catch (IllegalStateException e) {
                LOG.debug("virtual servers left out of the metrics: {}", e.getMessage());
            }
        }
        return List.of();
    }
}
