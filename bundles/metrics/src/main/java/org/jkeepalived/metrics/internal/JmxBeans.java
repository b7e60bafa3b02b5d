package org.jkeepalived.metrics.internal;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * one per real server, kept in step with each update: new ones registered, gone ones unregistered,
 * the others given the new values. A bean keeps its name, so that an update of tens of thousands of
 * real servers builds no names but those of new ones. Thread-safe.
 */
final class JmxBeans implements AutoCloseable {

    /** The JMX domain of jkeepalived's beans. */
    static final String DOMAIN = "org.jkeepalived";
    private static final Logger LOG = LoggerFactory.getLogger(JmxBeans.class);

    private final MBeanServer server;
    /** Guarded by this. */
    private final Map<String, Registered<VrrpInstanceBean>> instances = new HashMap<>();
    /** Guarded by this. */
    private final Map<RealServerId, Registered<RealServerBean>> realServers = new HashMap<>();
    /** Guarded by this: the count of updates, which marks the beans each one saw. */
    private long update;
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

    /**
     * @param vrrpInstances the VRRP instances of the moment
     * @param virtualServers the virtual servers of the moment
     */
    synchronized void update(List<VrrpInstanceStatus> vrrpInstances, List<VirtualServerStatus> virtualServers) {
        if (closed) {
            return;
        }
        update++;
        for (VrrpInstanceStatus status : vrrpInstances) {
            instances.computeIfAbsent(status.name(), instance -> register(
                    name("type=VrrpInstance,name=" + ObjectName.quote(instance)), new VrrpInstanceBean(status)))
                    .seen(update).bean.status = status;
        }
        for (VirtualServerStatus virtualServer : virtualServers) {
            for (RealServerStatus real : virtualServer.realServers()) {
                realServers.computeIfAbsent(new RealServerId(virtualServer.name(), real.endpoint()), id -> register(
                        name("type=RealServer,virtualServer=" + ObjectName.quote(id.virtualServer()) + ",name=" + ObjectName.quote(id.endpoint())),
                        new RealServerBean(real)))
                        .seen(update).bean.status = real;
            }
        }
        unregisterUnseen(instances.values());
        unregisterUnseen(realServers.values());
    }

    @Override
    public synchronized void close() {
        closed = true;
        update++;
        unregisterUnseen(instances.values());
        unregisterUnseen(realServers.values());
    }

    private <B> Registered<B> register(ObjectName name, B bean) {
        try {
            server.registerMBean(bean, name);
        } catch (JMException e) {
            LOG.warn("cannot register {} in JMX: {}", name, e.getMessage());
        }
        return new Registered<>(name, bean);
    }

    private void unregisterUnseen(Collection<? extends Registered<?>> beans) {
        beans.removeIf(registered -> {
            if (registered.seenIn == update) {
                return false;
            }
            try {
                server.unregisterMBean(registered.name);
            } catch (JMException e) {
                LOG.debug("{} was already gone from JMX: {}", registered.name, e.getMessage());
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

    /** A real server as the beans know it: by its virtual server's name and its own endpoint. */
    private record RealServerId(String virtualServer, String endpoint) {
    }

    /** A bean under its name, with the last update that saw it. */
    private static final class Registered<B> {

        final ObjectName name;
        final B bean;
        long seenIn;

        Registered(ObjectName name, B bean) {
            this.name = name;
            this.bean = bean;
        }

        Registered<B> seen(long update) {
            seenIn = update;
            return this;
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
