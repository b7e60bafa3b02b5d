package org.jkeepalived.ipvs.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The table of virtual services and their destinations, with the operations of IPVS's generic
 * netlink interface, one method per command. Each call is synchronous: when it returns the change is
 * in force, and when it throws nothing changed. Calls may come from any thread but never from the
 * data plane's own threads.
 *
 * <p>Destinations are listed in the order IPVS keeps them, the newest first; schedulers that walk
 * the list (rr, wrr) walk it in that order.
 *
 * <p>Errors name the service or destination, and, from the kernel, its errno.
 */
@ProviderType
public interface DataPlane {

    /** @return which implementation this is */
    Backend backend();

    /**
     * Adds a service without destinations ({@code IPVS_CMD_NEW_SERVICE}).
     *
     * @param service the service
     * @throws DataPlaneException {@code SERVICE_EXISTS}, {@code UNSUPPORTED}, {@code FAILED}
     */
    void newService(VirtualService service) throws DataPlaneException;

    /**
     * Changes the scheduler, flags, persistence or one-packet scheduling of a service
     * ({@code IPVS_CMD_SET_SERVICE}); its destinations and their connections stay.
     *
     * @param service the service, with the key of an existing one
     * @throws DataPlaneException {@code NO_SUCH_SERVICE}, {@code UNSUPPORTED}
     */
    void setService(VirtualService service) throws DataPlaneException;

    /**
     * Removes a service and its destinations ({@code IPVS_CMD_DEL_SERVICE}).
     *
     * @param key the service
     * @throws DataPlaneException {@code NO_SUCH_SERVICE}
     */
    void deleteService(ServiceKey key) throws DataPlaneException;

    /**
     * Adds a destination to a service ({@code IPVS_CMD_NEW_DEST}); it goes first in the list.
     *
     * @param service the service
     * @param destination the destination
     * @throws DataPlaneException {@code NO_SUCH_SERVICE}, {@code DESTINATION_EXISTS}, {@code UNSUPPORTED}
     */
    void newDestination(ServiceKey service, Destination destination) throws DataPlaneException;

    /**
     * Changes the weight, forwarding or thresholds of a destination ({@code IPVS_CMD_SET_DEST}); its
     * connections stay.
     *
     * @param service the service
     * @param destination the destination, with the key of an existing one
     * @throws DataPlaneException {@code NO_SUCH_SERVICE}, {@code NO_SUCH_DESTINATION}, {@code UNSUPPORTED}
     */
    void setDestination(ServiceKey service, Destination destination) throws DataPlaneException;

    /**
     * Removes a destination ({@code IPVS_CMD_DEL_DEST}). It takes no new connections; those it has
     * may finish.
     *
     * @param service the service
     * @param destination the destination
     * @throws DataPlaneException {@code NO_SUCH_SERVICE}, {@code NO_SUCH_DESTINATION}
     */
    void deleteDestination(ServiceKey service, DestinationKey destination) throws DataPlaneException;

    /**
     * Removes every service ({@code IPVS_CMD_FLUSH}): lvs_flush at start, lvs_flush_on_stop.
     *
     * @throws DataPlaneException {@code FAILED}
     */
    void flush() throws DataPlaneException;

    /**
     * @return every service, with its counters ({@code IPVS_CMD_GET_SERVICE} dump)
     * @throws DataPlaneException {@code FAILED}
     */
    List<ServiceStatus> services() throws DataPlaneException;

    /**
     * @param service the service
     * @return its destinations, newest first, with their connections and counters
     *         ({@code IPVS_CMD_GET_DEST} dump)
     * @throws DataPlaneException {@code NO_SUCH_SERVICE}
     */
    List<DestinationStatus> destinations(ServiceKey service) throws DataPlaneException;

    /**
     * Sets the connection timeouts ({@code IPVS_CMD_SET_CONFIG}); connections in progress keep theirs.
     *
     * @param timeouts the timeouts
     * @throws DataPlaneException {@code FAILED}
     */
    void setTimeouts(Timeouts timeouts) throws DataPlaneException;

    /**
     * @return the connection timeouts ({@code IPVS_CMD_GET_CONFIG})
     * @throws DataPlaneException {@code FAILED}
     */
    Timeouts timeouts() throws DataPlaneException;

    /**
     * Starts a connection synchronisation daemon ({@code IPVS_CMD_NEW_DAEMON}): lvs_sync_daemon,
     * as master when VRRP makes this director master and as backup otherwise.
     *
     * @param daemon the daemon
     * @throws DataPlaneException {@code SYNC_DAEMON_EXISTS}, {@code UNSUPPORTED}, {@code FAILED} (no such interface)
     */
    void startSyncDaemon(SyncDaemon daemon) throws DataPlaneException;

    /**
     * Stops the sync daemon of a role ({@code IPVS_CMD_DEL_DAEMON}).
     *
     * @param role master or backup
     * @throws DataPlaneException {@code NO_SUCH_SYNC_DAEMON}
     */
    void stopSyncDaemon(SyncDaemon.Role role) throws DataPlaneException;

    /**
     * @return the sync daemons that run, with every setting ({@code IPVS_CMD_GET_DAEMON} dump)
     * @throws DataPlaneException {@code FAILED}
     */
    List<SyncDaemon> syncDaemons() throws DataPlaneException;
}
