package org.jkeepalived.metrics.internal;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.jkeepalived.lvs.api.RealServerStatus;
import org.jkeepalived.lvs.api.VirtualServerStatus;
import org.jkeepalived.vrrp.api.DropReason;
import org.jkeepalived.vrrp.api.VrrpCounter;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MXBeans of the {@value #DOMAIN} domain in the platform MBean server, one per VRRP instance and
 * one per real server, kept in step with each {@link Reading}: new ones registered, gone ones
 * unregistered, the others given the new values. Thread-safe.
 */
final class JmxBeans implements AutoCloseable {

    /** The JMX domain of jkeepalived's beans. */
    static final String DOMAIN = "org.jkeepalived";
    private static final Logger LOG = LoggerFactory.getLogger(JmxBeans.class);

    private final MBeanServer server;
    /** Guarded by this. */
    private final Map<ObjectName, VrrpInstanceBean> instances = new HashMap<>();
    /** Guarded by this. */
    private final Map<ObjectName, RealServerBean> realServers = new HashMap<>();
    /** Guarded by this: a scrape that ends after closing registers nothing. */
    private boolean closed;

    /** @param server where the beans go, the platform server in jkeepalived */
    JmxBeans(MBeanServer server) {
        this.server = server;
    }

    /** @return beans for the platform MBean server */
    static JmxBeans platform() {
        return new JmxBeans(ManagementFactory.getPlatformMBeanServer());
    }

    /** @param reading the values of the moment */
    synchronized void update(Reading reading) {
        if (closed) {
            return;
        }
        Set<ObjectName> seen = new HashSet<>();
        for (VrrpInstanceStatus status : reading.instances()) {
            ObjectName name = name("type=VrrpInstance,name=" + ObjectName.quote(status.name()));
            seen.add(name);
            instances.computeIfAbsent(name, n -> register(n, new VrrpInstanceBean(status))).status = status;
        }
        for (VirtualServerStatus virtualServer : reading.virtualServers()) {
            for (RealServerStatus real : virtualServer.realServers()) {
                ObjectName name = name("type=RealServer,virtualServer=" + ObjectName.quote(virtualServer.name())
                        + ",name=" + ObjectName.quote(real.endpoint()));
                seen.add(name);
                realServers.computeIfAbsent(name, n -> register(n, new RealServerBean(real))).status = real;
            }
        }
        removeAllBut(instances, seen);
        removeAllBut(realServers, seen);
    }

    @Override
    public synchronized void close() {
        closed = true;
        removeAllBut(instances, Set.of());
        removeAllBut(realServers, Set.of());
    }

    private <B> B register(ObjectName name, B bean) {
        try {
            server.registerMBean(bean, name);
        } catch (JMException e) {
            LOG.warn("cannot register {} in JMX: {}", name, e.getMessage());
        }
        return bean;
    }

    private void removeAllBut(Map<ObjectName, ?> beans, Set<ObjectName> kept) {
        beans.keySet().removeIf(name -> {
            if (kept.contains(name)) {
                return false;
            }
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                LOG.debug("{} was already gone from JMX: {}", name, e.getMessage());
            }
            return true;
        });
    }

    private static ObjectName name(String properties) {
        try {
            return new ObjectName(DOMAIN + ":" + properties);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(properties, e);
        }
    }

    /** One instance's values as last read. */
    private static final class VrrpInstanceBean implements VrrpInstanceMXBean {

        volatile VrrpInstanceStatus status;

        VrrpInstanceBean(VrrpInstanceStatus status) {
            this.status = status;
        }

        @Override
        public String getState() {
            return status.state().keepalivedName();
        }

        @Override
        public int getPriority() {
            return status.priority();
        }

        @Override
        public int getEffectivePriority() {
            return status.effectivePriority();
        }

        @Override
        public long getAdvertisementsReceived() {
            return VrrpCounter.ADVERTS_RECEIVED.of(status);
        }

        @Override
        public long getAdvertisementsSent() {
            return VrrpCounter.ADVERTS_SENT.of(status);
        }

        @Override
        public long getBecameMaster() {
            return VrrpCounter.BECAME_MASTER.of(status);
        }

        @Override
        public long getReleasedMaster() {
            return VrrpCounter.RELEASED_MASTER.of(status);
        }

        @Override
        public Map<String, Long> getDroppedPackets() {
            Map<String, Long> byName = new TreeMap<>();
            for (DropReason reason : DropReason.values()) {
                byName.put(reason.name().toLowerCase(Locale.ROOT), status.drops().getOrDefault(reason, 0L));
            }
            return byName;
        }
    }

    /** One real server's values as last read. */
    private static final class RealServerBean implements RealServerMXBean {

        volatile RealServerStatus status;

        RealServerBean(RealServerStatus status) {
            this.status = status;
        }

        @Override
        public boolean isUp() {
            return status.up();
        }

        @Override
        public int getWeight() {
            return status.dataPlaneWeight().orElse(0);
        }

        @Override
        public int getConfiguredWeight() {
            return status.configuredWeight();
        }

        @Override
        public List<String> getCheckers() {
            return status.checkers();
        }
    }
}
