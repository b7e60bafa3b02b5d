package org.jkeepalived.core.internal.memory;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.Optional;

import javax.management.JMException;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanServer;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves ZGC's soft heap limit after each collection as {@link SoftHeapLimit} says. The JVM's
 * diagnostic bean is reached through the platform MBean server, which needs no {@code com.sun}
 * package in the framework. Under another collector, or without a soft limit, it does nothing.
 */
@Component(immediate = true)
public final class SoftHeapLimitComponent {

    private static final Logger LOG = LoggerFactory.getLogger(SoftHeapLimitComponent.class);
    private static final String COLLECTOR = "ZGC Cycles";
    private static final String HEAP = "ZHeap";
    static final String OPTION = "SoftMaxHeapSize";

    private NotificationEmitter collector;
    private NotificationListener listener;

    @Activate
    void activate() throws JMException {
        Optional<GarbageCollectorMXBean> cycles = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(bean -> bean.getName().equals(COLLECTOR)).findFirst();
        Optional<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().equals(HEAP)).findFirst();
        long floor = Long.parseLong(option());
        if (cycles.isEmpty() || heap.isEmpty() || floor == 0) {
            LOG.debug("heap: no ZGC soft limit to keep");
            return;
        }
        SoftHeapLimit limit = new SoftHeapLimit(floor);
        MemoryPoolMXBean pool = heap.get();
        listener = (notification, handback) -> adjust(limit, pool.getCollectionUsage().getUsed());
        collector = (NotificationEmitter) cycles.get();
        collector.addNotificationListener(listener, null, null);
    }

    @Deactivate
    void deactivate() throws ListenerNotFoundException {
        if (collector != null) {
            collector.removeNotificationListener(listener);
        }
    }

    /** Runs on the JVM's notification thread, one collection at a time. */
    private static void adjust(SoftHeapLimit limit, long inUse) {
        long bytes = limit.afterCollection(inUse, Runtime.getRuntime().maxMemory());
        if (bytes < 0) {
            return;
        }
        try {
            diagnostics("setVMOption", new Object[] {OPTION, Long.toString(bytes)}, String.class.getName(), String.class.getName());
            LOG.info("heap: soft limit {} MB for {} MB in use after collections", bytes >> 20, limit.leftInUse() >> 20);
        } catch (JMException | RuntimeException e) {
            LOG.warn("heap: soft limit not moved to {} MB: {}", bytes >> 20, e.getMessage());
        }
    }

    /** @return the soft limit the JVM has now, in bytes; "0" when none was set */
    static String option() throws JMException {
        CompositeData option = (CompositeData) diagnostics("getVMOption", new Object[] {OPTION}, String.class.getName());
        return (String) option.get("value");
    }

    private static Object diagnostics(String operation, Object[] arguments, String... signature) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        return server.invoke(new ObjectName("com.sun.management:type=HotSpotDiagnostic"), operation, arguments, signature);
    }
}
