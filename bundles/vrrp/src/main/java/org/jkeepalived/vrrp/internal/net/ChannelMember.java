package org.jkeepalived.vrrp.internal.net;

/** An instance on a channel: it receives the packets of its VRID. */
@FunctionalInterface
public interface ChannelMember {

    /**
     * Called on the channel's loop for each packet of the member's VRID.
     *
     * @param packet the packet, valid during the call only
     * @param now when it was read, on the loop's clock
     */
    void received(ReceivedPacket packet, long now);
}
