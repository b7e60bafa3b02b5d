package org.jkeepalived.netlink.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.core.api.loop.EventLoop;
import org.jkeepalived.core.api.loop.EventLoops;
import org.jkeepalived.core.api.loop.FdEvents;
import org.jkeepalived.core.api.loop.FdWatch;
import org.jkeepalived.netlink.api.InterfaceEvent;
import org.jkeepalived.netlink.api.InterfaceListener;
import org.jkeepalived.netlink.api.InterfaceMonitor;
import org.jkeepalived.netlink.api.InterfaceState;
import org.jkeepalived.netlink.api.Interfaces;
import org.jkeepalived.netlink.api.NetlinkException;
import org.jkeepalived.netlink.codec.NetlinkDecodeException;
import org.jkeepalived.netlink.codec.NetlinkMessage;
import org.jkeepalived.netlink.internal.rtnetlink.RtnetlinkProtocol;
import org.jkeepalived.netlink.socket.NetlinkMulticastSocket;
import org.jkeepalived.netlink.socket.NetlinkSocket;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The netlink reflector: an {@link InterfaceMonitor} fed by the kernel's link and address events on an
 * event loop. It subscribes before it reads the initial state, so no change falls between the two;
 * events that were already in the dump are applied again, which changes nothing. When the kernel
 * reports that it dropped events ({@code ENOBUFS}), the reflector discards what is queued, reads
 * links and addresses again and reports the differences.
 *
 * <p>The model and the listeners are owned by the loop's thread; other threads see the model through
 * an immutable snapshot published after each batch of events. The component is immediate, so that
 * a missing privilege shows in the log at start-up rather than at the first failover.
 */
@Component(service = InterfaceMonitor.class, immediate = true)
public final class InterfaceReflector implements InterfaceMonitor, AutoCloseable {

    /** The component's configuration. */
    public @interface Config {
        /** @return the event socket's receive buffer in bytes: the burst of events it can hold unread */
        int receive_buffer_bytes() default 4 * 1024 * 1024;

        /** @return how long to wait for the kernel's answer to a dump, in milliseconds */
        long request_timeout_ms() default 2000;
    }

    private static final Logger LOG = LoggerFactory.getLogger(InterfaceReflector.class);
    private static final String LOOP_NAME = "netlink";
    private static final int GROUPS = RtnetlinkProtocol.RTMGRP_LINK | RtnetlinkProtocol.RTMGRP_IPV4_IFADDR
            | RtnetlinkProtocol.RTMGRP_IPV6_IFADDR;

    private record Registration(InterfaceListener listener, Executor executor) {
    }

    private final EventLoop loop;
    private final boolean ownsLoop;
    private final NetlinkMulticastSocket events;
    private final RtnetlinkClient dumps;
    private final InterfaceModel model = new InterfaceModel();
    private final List<Registration> listeners = new ArrayList<>();
    private final AtomicLong overruns = new AtomicLong();
    private final FdWatch watch;
    private volatile Interfaces snapshot;

    /**
     * Starts the reflector on its own event loop when the component is activated.
     *
     * @param loops the event loops service
     * @param config the configuration
     */
    @Activate
    public InterfaceReflector(@Reference(name = "loops") EventLoops loops, Config config) {
        this(loops.open(LOOP_NAME), true, config.receive_buffer_bytes(), Duration.ofMillis(config.request_timeout_ms()));
    }

    /**
     * Starts the reflector for the calling thread's network namespace on a loop the caller owns.
     *
     * @param loop the loop to run on
     * @param receiveBufferBytes the event socket's receive buffer
     * @param timeout how long to wait for the kernel's answer to a dump
     * @throws NetlinkException if the sockets cannot be opened or the initial state cannot be read
     */
    public InterfaceReflector(EventLoop loop, int receiveBufferBytes, Duration timeout) {
        this(loop, false, receiveBufferBytes, timeout);
    }

    private InterfaceReflector(EventLoop loop, boolean ownsLoop, int receiveBufferBytes, Duration timeout) {
        this.loop = loop;
        this.ownsLoop = ownsLoop;
        NetlinkMulticastSocket subscribed = null;
        RtnetlinkClient client = null;
        try {
            subscribed = NetlinkMulticastSocket.open(NetlinkSocket.NETLINK_ROUTE, GROUPS, receiveBufferBytes);
            client = new RtnetlinkClient(timeout);
            model.replace(client.links(), client.addresses(), new ArrayList<>());
        } catch (RuntimeException e) {
            closeQuietly(subscribed, client);
            if (ownsLoop) {
                loop.close();
            }
            throw e;
        }
        this.events = subscribed;
        this.dumps = client;
        this.snapshot = model.snapshot();
        this.watch = loop.watch(events.fd(), FdEvents.READABLE, ready -> readEvents());
        LOG.info("interface monitor started: {}", snapshot.all().stream()
                .sorted(Comparator.comparingInt(InterfaceState::index))
                .map(state -> state.name() + (state.isUp() ? " up" : " down"))
                .collect(Collectors.joining(", ")));
    }

    @Override
    public Interfaces interfaces() {
        return snapshot;
    }

    @Override
    public void addListener(InterfaceListener listener, Executor executor) {
        Registration registration = new Registration(listener, executor);
        loop.execute(() -> {
            listeners.add(registration);
            deliver(registration, new InterfaceEvent.Snapshot(snapshot));
        });
    }

    @Override
    public void removeListener(InterfaceListener listener) {
        loop.execute(() -> listeners.removeIf(registration -> registration.listener() == listener));
    }

    @Override
    public long overruns() {
        return overruns.get();
    }

    /** Stops watching and closes the sockets, and the loop if the reflector opened it. */
    @Deactivate
    @Override
    public void close() {
        if (ownsLoop) {
            watch.close();
            loop.close();
            closeQuietly(events, dumps);
            return;
        }
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Runnable closeOnLoop = () -> {
            watch.close();
            closeQuietly(events, dumps);
            closed.complete(null);
        };
        if (loop.inEventLoop()) {
            closeOnLoop.run();
            return;
        }
        try {
            loop.execute(closeOnLoop);
            closed.join();
        } catch (RejectedExecutionException e) {
            closeQuietly(events, dumps);
        }
    }

    private void readEvents() {
        List<InterfaceEvent> changes = new ArrayList<>();
        while (true) {
            List<NetlinkMessage> messages;
            try {
                messages = events.receive();
            } catch (NetlinkException e) {
                if (e.errno() != Errno.ENOBUFS) {
                    LOG.error("netlink events: {}", e.getMessage());
                    break;
                }
                overruns.incrementAndGet();
                LOG.warn("netlink events came faster than they were read and some were lost; reading interfaces and addresses again");
                resynchronize(changes);
                continue;
            } catch (NetlinkDecodeException e) {
                LOG.warn("netlink events: malformed datagram ({}); reading interfaces and addresses again", e.getMessage());
                resynchronize(changes);
                continue;
            }
            if (messages == null) {
                break;
            }
            for (NetlinkMessage message : messages) {
                try {
                    model.apply(message, changes);
                } catch (NetlinkDecodeException e) {
                    LOG.warn("netlink events: malformed message of type {} ({}); reading interfaces and addresses again",
                            message.type(), e.getMessage());
                    resynchronize(changes);
                }
            }
        }
        if (!changes.isEmpty()) {
            snapshot = model.snapshot();
            for (Registration registration : listeners) {
                changes.forEach(change -> deliver(registration, change));
            }
        }
    }

    /** Drops what is queued, which the dump will cover, and replaces the model with a dump. */
    private void resynchronize(List<InterfaceEvent> changes) {
        drain();
        try {
            model.replace(dumps.links(), dumps.addresses(), changes);
        } catch (NetlinkException e) {
            LOG.error("netlink events: cannot read the interfaces again, the model may be stale until the next change: {}",
                    e.getMessage());
        }
    }

    private void drain() {
        while (true) {
            try {
                if (events.receive() == null) {
                    return;
                }
            } catch (NetlinkException e) {
                if (e.errno() != Errno.ENOBUFS) {
                    return;
                }
            } catch (NetlinkDecodeException e) {
                LOG.debug("netlink events: malformed datagram dropped with the queue: {}", e.getMessage());
            }
        }
    }

    private static void deliver(Registration registration, InterfaceEvent event) {
        try {
            registration.executor().execute(() -> {
                try {
                    registration.listener().interfaceChanged(event);
                } catch (RuntimeException e) {
                    LOG.error("interface listener {} failed on {}", registration.listener(), event, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("interface listener {} is gone: its executor rejected {}", registration.listener(), event);
        }
    }

    private static void closeQuietly(NetlinkMulticastSocket events, RtnetlinkClient dumps) {
        if (events != null) {
            events.close();
        }
        if (dumps != null) {
            dumps.close();
        }
    }
}
