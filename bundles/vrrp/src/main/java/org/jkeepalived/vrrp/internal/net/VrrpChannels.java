package org.jkeepalived.vrrp.internal.net;

import java.util.HashMap;
import java.util.Map;

import org.jkeepalived.core.api.loop.EventLoop;
import org.jkeepalived.vrrp.internal.link.AnnouncementPacer;
import org.jkeepalived.vrrp.internal.link.LinkPacers;

/**
 * The open channels of one event loop, shared by the instances of the same {@link ChannelKey} as
 * keepalived shares its socket pool: a channel opens with its first instance and closes with its
 * last; and the pacers of each interface's announcements. Used on the loop's thread only.
 */
public final class VrrpChannels {

    private final EventLoop loop;
    private final Map<ChannelKey, VrrpChannel> open = new HashMap<>();
    private final Map<String, LinkPacers> pacers = new HashMap<>();
    private final UnknownVridLog unknownVrids = new UnknownVridLog();

    /** @param loop the loop the channels run on; its thread is in their network namespace */
    public VrrpChannels(EventLoop loop) {
        this.loop = loop;
    }

    /** @return the loop */
    public EventLoop loop() {
        return loop;
    }

    /**
     * @param key what the channel is for
     * @return the open channel of that key, opened if needed
     */
    public VrrpChannel acquire(ChannelKey key) {
        return open.computeIfAbsent(key, k -> VrrpChannel.open(loop, k, unknownVrids));
    }

    /** @param eachAtInfo log_unknown_vrids: whether every advert of a VRID no instance has is logged at info level */
    public void logUnknownVrids(boolean eachAtInfo) {
        unknownVrids.logEachAtInfo(eachAtInfo);
    }

    /**
     * Closes a channel if no instance uses it any more.
     *
     * @param channel a channel acquired here
     */
    public void release(VrrpChannel channel) {
        if (channel.isEmpty() && open.remove(channel.key(), channel)) {
            channel.close();
        }
    }

    /**
     * @param name an interface's, or a garp_group's whose interfaces share them
     * @return the pacers of its announcements, made at the first call
     */
    public LinkPacers pacers(String name) {
        return pacers.computeIfAbsent(name, key -> new LinkPacers(new AnnouncementPacer(loop::nanoTime, loop::newTimer),
                new AnnouncementPacer(loop::nanoTime, loop::newTimer)));
    }

    /** Closes the sockets of every channel, once the thread of an abandoned loop has ended. */
    public void closeAbandoned() {
        open.values().forEach(VrrpChannel::closeAbandoned);
        open.clear();
        pacers.clear();
    }
}
