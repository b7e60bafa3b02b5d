package org.jkeepalived.core.internal.loop;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jkeepalived.core.api.loop.EventLoop;
import org.jkeepalived.core.api.loop.EventLoops;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates epoll event loops and keeps the open ones by name. */
@Component(service = EventLoops.class)
public final class EventLoopsComponent implements EventLoops {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoopsComponent.class);

    private final Map<String, EpollEventLoop> open = new ConcurrentHashMap<>();

    @Override
    public synchronized EventLoop open(String name) {
        if (open.containsKey(name)) {
            throw new IllegalArgumentException("an event loop named " + name + " is already open");
        }
        EpollEventLoop loop = new EpollEventLoop(name, closed -> open.remove(name, closed));
        open.put(name, loop);
        loop.start();
        LOG.info("event loop {} started", name);
        return loop;
    }

    @Override
    public List<EventLoop> loops() {
        return List.copyOf(open.values());
    }

    @Deactivate
    void deactivate() {
        open.values().forEach(EventLoop::close);
    }
}
