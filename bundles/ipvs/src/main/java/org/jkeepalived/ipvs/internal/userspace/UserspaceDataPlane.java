package org.jkeepalived.ipvs.internal.userspace;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;

import org.jkeepalived.ipvs.api.Backend;
import org.jkeepalived.ipvs.api.DataPlane;
import org.jkeepalived.ipvs.api.DataPlaneException;
import org.jkeepalived.ipvs.api.DataPlaneException.Reason;
import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.DestinationStatus;
import org.jkeepalived.ipvs.api.Forwarding;
import org.jkeepalived.ipvs.api.IpProtocol;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.ServiceStatus;
import org.jkeepalived.ipvs.api.SyncDaemon;
import org.jkeepalived.ipvs.api.Timeouts;
import org.jkeepalived.ipvs.api.VirtualService;
import org.jkeepalived.ipvs.internal.scheduler.SchedulingAlgorithm;
import org.jkeepalived.ipvs.internal.scheduler.SchedulingAlgorithms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The userspace data plane: an L4 forwarder on Netty's epoll transport for hosts without IPVS. Each
 * TCP or UDP service listens on its virtual address and port; connections are scheduled by the IPVS
 * schedulers' rules and proxied to their destination, so that real servers see them come from this
 * host (every forwarding method acts as a full NAT). Firewall-mark and SCTP services, services of
 * every port and the lblc and lblcr schedulers need the kernel's IPVS and are refused.
 *
 * <p>The table lives on one control loop thread; calls from other threads run there and wait. The
 * traffic runs on the forwarding loops. For TCP, a packet in the counters is one read of the stream.
 */
public final class UserspaceDataPlane implements DataPlane, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UserspaceDataPlane.class);
    private static final long TEMPLATE_SWEEP_SECONDS = 1;

    private final EventLoopGroup controlGroup;
    private final EventLoopGroup workerGroup;
    private final ForwarderContext context;
    private final Map<ServiceKey, ServiceRuntime> services = new LinkedHashMap<>();
    private final SplittableRandom random = new SplittableRandom();

    /**
     * Starts the loops.
     *
     * @param threads makes the loops' threads (tests give threads that entered a network namespace)
     * @param forwardingThreads how many loops carry the traffic
     */
    public UserspaceDataPlane(ThreadFactory threads, int forwardingThreads) {
        controlGroup = new MultiThreadIoEventLoopGroup(1, threads, EpollIoHandler.newFactory());
        workerGroup = new MultiThreadIoEventLoopGroup(forwardingThreads, threads, EpollIoHandler.newFactory());
        EventLoop control = (EventLoop) controlGroup.next();
        context = new ForwarderContext(control, workerGroup);
        control.scheduleAtFixedRate(this::expireTemplates, TEMPLATE_SWEEP_SECONDS, TEMPLATE_SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public Backend backend() {
        return Backend.USERSPACE;
    }

    @Override
    public void newService(VirtualService service) throws DataPlaneException {
        ServiceKey.Inet key = supported(service);
        SchedulingAlgorithm algorithm = algorithm(service);
        onControlLoop(() -> {
            if (services.containsKey(key)) {
                throw new DataPlaneException(Reason.SERVICE_EXISTS, "service " + key + " exists already");
            }
            ServiceRuntime runtime = new ServiceRuntime(context, service, algorithm);
            InetSocketAddress address = new InetSocketAddress(key.address(), key.port());
            runtime.forwarder(key.protocol() == IpProtocol.TCP ? TcpForwarder.listen(runtime, address) : UdpForwarder.listen(runtime, address));
            services.put(key, runtime);
            LOG.info("userspace data plane: service {} listening", service);
            return null;
        });
    }

    @Override
    public void setService(VirtualService service) throws DataPlaneException {
        supported(service);
        SchedulingAlgorithm replacement = algorithm(service);
        onControlLoop(() -> {
            ServiceRuntime runtime = existing(service.key());
            VirtualService before = runtime.service();
            boolean schedulerChanged = before.scheduler() != service.scheduler() || !before.flags().equals(service.flags());
            runtime.update(service, schedulerChanged ? Optional.of(replacement) : Optional.empty());
            return null;
        });
    }

    @Override
    public void deleteService(ServiceKey key) throws DataPlaneException {
        onControlLoop(() -> {
            existing(key).close();
            services.remove(key);
            LOG.info("userspace data plane: service {} removed", key);
            return null;
        });
    }

    @Override
    public void newDestination(ServiceKey service, Destination destination) throws DataPlaneException {
        onControlLoop(() -> {
            existing(service).addDestination(destination);
            warnIfNotNat(service, destination);
            return null;
        });
    }

    @Override
    public void setDestination(ServiceKey service, Destination destination) throws DataPlaneException {
        onControlLoop(() -> {
            Destination before = existing(service).setDestination(destination);
            if (!destination.forwarding().equals(before.forwarding())) {
                warnIfNotNat(service, destination);
            }
            return null;
        });
    }

    @Override
    public void deleteDestination(ServiceKey service, DestinationKey destination) throws DataPlaneException {
        onControlLoop(() -> {
            existing(service).removeDestination(destination);
            return null;
        });
    }

    @Override
    public void flush() throws DataPlaneException {
        onControlLoop(() -> {
            services.values().forEach(ServiceRuntime::close);
            services.clear();
            return null;
        });
    }

    @Override
    public List<ServiceStatus> services() throws DataPlaneException {
        return onControlLoop(() -> services.values().stream().map(ServiceRuntime::status).toList());
    }

    @Override
    public List<DestinationStatus> destinations(ServiceKey service) throws DataPlaneException {
        return onControlLoop(() -> existing(service).destinationStatuses());
    }

    @Override
    public void setTimeouts(Timeouts timeouts) throws DataPlaneException {
        onControlLoop(() -> {
            context.timeouts(timeouts);
            return null;
        });
    }

    @Override
    public Timeouts timeouts() throws DataPlaneException {
        return onControlLoop(context::timeouts);
    }

    @Override
    public void startSyncDaemon(SyncDaemon daemon) throws DataPlaneException {
        throw new DataPlaneException(Reason.UNSUPPORTED, "sync daemon " + daemon
                + ": connection synchronisation needs the kernel's IPVS; the userspace data plane's connections end with their director");
    }

    @Override
    public void stopSyncDaemon(SyncDaemon.Role role) throws DataPlaneException {
        throw new DataPlaneException(Reason.NO_SUCH_SYNC_DAEMON, "no " + role.name().toLowerCase(Locale.ROOT)
                + " sync daemon runs: the userspace data plane has none");
    }

    @Override
    public List<SyncDaemon> syncDaemons() {
        return List.of();
    }

    /** Closes every service and stops the loops. */
    @Override
    public void close() {
        try {
            flush();
        } catch (DataPlaneException e) {
            LOG.warn("userspace data plane: closing its services failed: {}", e.getMessage());
        }
        controlGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void expireTemplates() {
        long now = System.nanoTime();
        services.values().forEach(service -> service.expireTemplates(now));
    }

    private ServiceRuntime existing(ServiceKey key) throws DataPlaneException {
        ServiceRuntime runtime = services.get(key);
        if (runtime == null) {
            throw new DataPlaneException(Reason.NO_SUCH_SERVICE, "no service " + key);
        }
        return runtime;
    }

    private static ServiceKey.Inet supported(VirtualService service) throws DataPlaneException {
        if (!(service.key() instanceof ServiceKey.Inet key)) {
            throw new DataPlaneException(Reason.UNSUPPORTED, "service " + service.key()
                    + ": firewall-mark services need the kernel's IPVS; the userspace data plane serves an address and a port");
        }
        if (key.protocol() == IpProtocol.SCTP) {
            throw new DataPlaneException(Reason.UNSUPPORTED, "service " + key + ": the userspace data plane forwards TCP and UDP only");
        }
        if (key.port() == 0) {
            throw new DataPlaneException(Reason.UNSUPPORTED, "service " + key + ": services of every port need the kernel's IPVS");
        }
        return key;
    }

    private SchedulingAlgorithm algorithm(VirtualService service) throws DataPlaneException {
        Optional<SchedulingAlgorithm> algorithm = SchedulingAlgorithms.create(service, random.split());
        if (algorithm.isEmpty()) {
            throw new DataPlaneException(Reason.UNSUPPORTED, "service " + service.key() + ": scheduler " + service.scheduler().ipvsName()
                    + " balances by destination address, which a userspace service has one of; use wlc or another scheduler");
        }
        return algorithm.get();
    }

    private static void warnIfNotNat(ServiceKey service, Destination destination) {
        if (destination.forwarding().method() != Forwarding.Method.NAT) {
            LOG.warn("service {}: destination {} asks for {}, which the userspace data plane cannot do: it proxies the "
                    + "connections, and the real server sees them come from this host", service, destination.key(), destination.forwarding());
        }
    }

    /** A step that runs on the control loop and may refuse. */
    private interface ControlStep<T> {
        T run() throws DataPlaneException;
    }

    private <T> T onControlLoop(ControlStep<T> step) throws DataPlaneException {
        EventLoop control = context.control();
        if (control.inEventLoop()) {
            throw new IllegalStateException("the data plane is called from its own control loop");
        }
        Future<T> result = control.submit(step::run);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataPlaneException(Reason.FAILED, "interrupted while the data plane changed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DataPlaneException refused) {
                throw new DataPlaneException(refused.reason(), refused.getMessage(), refused);
            }
            throw new DataPlaneException(Reason.FAILED, "the data plane failed: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new DataPlaneException(Reason.FAILED, "the data plane is closed", e);
        }
    }
}
