package org.jkeepalived.ipvs.internal.kernel;

import static org.jkeepalived.ipvs.internal.kernel.IpvsNetlink.*;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jkeepalived.ipvs.api.Backend;
import org.jkeepalived.ipvs.api.DataPlane;
import org.jkeepalived.ipvs.api.DataPlaneException;
import org.jkeepalived.ipvs.api.DataPlaneException.Reason;
import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.DestinationStatus;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.ServiceStatus;
import org.jkeepalived.ipvs.api.SyncDaemon;
import org.jkeepalived.ipvs.api.Timeouts;
import org.jkeepalived.ipvs.api.VirtualService;
import org.jkeepalived.netlink.api.NetlinkException;
import org.jkeepalived.netlink.codec.GenericNetlinkFamily;
import org.jkeepalived.netlink.codec.NetlinkDecodeException;
import org.jkeepalived.netlink.codec.NetlinkMessage;
import org.jkeepalived.netlink.socket.GenericNetlinkController;
import org.jkeepalived.netlink.socket.NetlinkSocket;

/**
 * The kernel's IPVS as a {@link DataPlane}: each method is one IPVS generic netlink command on one
 * socket, answered before it returns. The socket belongs to the network namespace of the thread that
 * opened the data plane. Calls from several threads are served one at a time.
 */
public final class KernelDataPlane implements DataPlane, AutoCloseable {

    /** How long the kernel may take to answer; a flush of many services takes the longest. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final NetlinkSocket socket;
    private final IpvsRequests requests;
    private final String version;

    private KernelDataPlane(NetlinkSocket socket, IpvsRequests requests, String version) {
        this.socket = socket;
        this.requests = requests;
        this.version = version;
    }

    /**
     * Opens a generic netlink socket in the calling thread's network namespace, finds the IPVS family
     * and asks it for its version ({@code IPVS_CMD_GET_INFO}): a data plane is only returned by an
     * IPVS that answers.
     *
     * @return the data plane
     * @throws DataPlaneException {@code FAILED} if the kernel has no IPVS or it does not answer
     */
    public static KernelDataPlane open() throws DataPlaneException {
        return open(DEFAULT_TIMEOUT);
    }

    /**
     * Opens the data plane as {@link #open()} does, waiting up to {@code timeout} for each answer of
     * the kernel: an emulated kernel on a loaded host may take many seconds to stop a sync daemon.
     *
     * @param timeout how long the kernel may take to answer a request
     * @return the data plane
     * @throws DataPlaneException {@code FAILED} if the kernel has no IPVS or it does not answer
     */
    public static KernelDataPlane open(Duration timeout) throws DataPlaneException {
        NetlinkSocket socket;
        try {
            socket = NetlinkSocket.open(NetlinkSocket.NETLINK_GENERIC, timeout);
        } catch (NetlinkException e) {
            throw new DataPlaneException(Reason.FAILED, e.getMessage(), e);
        }
        try {
            GenericNetlinkFamily family = GenericNetlinkController.family(socket, FAMILY);
            IpvsRequests requests = new IpvsRequests(family.id());
            List<NetlinkMessage> replies = socket.request(requests.getInfo(), "ask IPVS for its version");
            if (replies.isEmpty()) {
                throw new NetlinkDecodeException("IPVS acknowledged IPVS_CMD_GET_INFO without answering it");
            }
            return new KernelDataPlane(socket, requests, IpvsReplies.info(replies.get(0)).toString());
        } catch (NetlinkException | NetlinkDecodeException e) {
            socket.close();
            throw new DataPlaneException(Reason.FAILED, "the kernel's IPVS does not answer: " + e.getMessage(), e);
        }
    }

    /** @return what IPVS said of itself, for example {@code IP Virtual Server 1.2.1, connection table 4096} */
    public String version() {
        return version;
    }

    @Override
    public Backend backend() {
        return Backend.KERNEL;
    }

    @Override
    public void newService(VirtualService service) throws DataPlaneException {
        command(CMD_NEW_SERVICE, requests.newService(service), "add service " + service, service.scheduler().ipvsName());
    }

    @Override
    public void setService(VirtualService service) throws DataPlaneException {
        command(CMD_SET_SERVICE, requests.setService(service), "change service " + service, service.scheduler().ipvsName());
    }

    @Override
    public void deleteService(ServiceKey key) throws DataPlaneException {
        command(CMD_DEL_SERVICE, requests.deleteService(key), "delete service " + key, null);
    }

    @Override
    public void newDestination(ServiceKey service, Destination destination) throws DataPlaneException {
        command(CMD_NEW_DEST, requests.newDestination(service, destination), "add destination " + destination + " to service " + service, null);
    }

    @Override
    public void setDestination(ServiceKey service, Destination destination) throws DataPlaneException {
        command(CMD_SET_DEST, requests.setDestination(service, destination), "change destination " + destination + " of service " + service, null);
    }

    @Override
    public void deleteDestination(ServiceKey service, DestinationKey destination) throws DataPlaneException {
        command(CMD_DEL_DEST, requests.deleteDestination(service, destination), "delete destination " + destination + " of service " + service, null);
    }

    @Override
    public void flush() throws DataPlaneException {
        command(CMD_FLUSH, requests.flush(), "flush the services", null);
    }

    @Override
    public List<ServiceStatus> services() throws DataPlaneException {
        return dump(CMD_GET_SERVICE, requests.getServices(), "list the services", IpvsReplies::service);
    }

    @Override
    public List<DestinationStatus> destinations(ServiceKey service) throws DataPlaneException {
        String operation = "list the destinations of service " + service;
        List<DestinationStatus> destinations = dump(CMD_GET_DEST, requests.getDestinations(service), operation,
                message -> IpvsReplies.destination(message, service.family()));
        if (destinations.isEmpty()) {
            // The kernel dumps nothing for a missing service too: ask for the service itself, which it refuses with ESRCH.
            command(CMD_GET_SERVICE, requests.getService(service), operation, null);
        }
        return destinations;
    }

    @Override
    public void setTimeouts(Timeouts timeouts) throws DataPlaneException {
        command(CMD_SET_CONFIG, requests.setConfig(timeouts), "set the timeouts tcp " + timeouts.tcp().getSeconds() + " s, tcpfin "
                + timeouts.tcpFin().getSeconds() + " s, udp " + timeouts.udp().getSeconds() + " s", null);
    }

    @Override
    public Timeouts timeouts() throws DataPlaneException {
        String operation = "read the timeouts";
        List<NetlinkMessage> replies = command(CMD_GET_CONFIG, requests.getConfig(), operation, null);
        return decode(operation, replies, IpvsReplies::timeouts).stream().findFirst().orElseThrow(() ->
                new DataPlaneException(Reason.FAILED, "cannot " + operation + ": IPVS acknowledged IPVS_CMD_GET_CONFIG without answering it"));
    }

    @Override
    public void startSyncDaemon(SyncDaemon daemon) throws DataPlaneException {
        command(CMD_NEW_DAEMON, requests.newDaemon(daemon), "start sync daemon " + daemon, null);
    }

    @Override
    public void stopSyncDaemon(SyncDaemon.Role role) throws DataPlaneException {
        command(CMD_DEL_DAEMON, requests.deleteDaemon(role), "stop the " + role.name().toLowerCase(Locale.ROOT) + " sync daemon", null);
    }

    @Override
    public List<SyncDaemon> syncDaemons() throws DataPlaneException {
        return dump(CMD_GET_DAEMON, requests.getDaemons(), "list the sync daemons", IpvsReplies::daemon);
    }

    /** Closes the socket; IPVS keeps its table. */
    @Override
    public void close() {
        socket.close();
    }

    private List<NetlinkMessage> command(int command, ByteBuffer request, String operation, String scheduler) throws DataPlaneException {
        try {
            return socket.request(request, operation);
        } catch (NetlinkException e) {
            throw IpvsErrors.refused(command, operation, e, scheduler);
        }
    }

    private <T> List<T> dump(int command, ByteBuffer request, String operation, Function<NetlinkMessage, T> decoder) throws DataPlaneException {
        List<NetlinkMessage> replies;
        try {
            replies = socket.dump(request, operation);
        } catch (NetlinkException e) {
            throw IpvsErrors.refused(command, operation, e, null);
        }
        return decode(operation, replies, decoder);
    }

    private static <T> List<T> decode(String operation, List<NetlinkMessage> replies, Function<NetlinkMessage, T> decoder)
            throws DataPlaneException {
        List<T> values = new ArrayList<>(replies.size());
        try {
            for (NetlinkMessage reply : replies) {
                values.add(decoder.apply(reply));
            }
        } catch (NetlinkDecodeException e) {
            throw new DataPlaneException(Reason.FAILED, "cannot " + operation + ": " + e.getMessage(), e);
        }
        return values;
    }
}
