package org.jkeepalived.vrrp.internal.net;

import java.net.InetAddress;
import java.nio.ByteBuffer;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.vrrp.internal.codec.AdvertisementCodec;
import org.jkeepalived.vrrp.internal.codec.AdvertisementReader;
import org.jkeepalived.vrrp.internal.codec.AuthenticationHeader;
import org.jkeepalived.vrrp.internal.codec.Ipv4Header;
import org.jkeepalived.vrrp.internal.codec.ReadResult;

/**
 * A packet a channel just received, handed to the instance of its VRID. The channel reuses it: it
 * is valid only during the call that hands it over.
 */
public final class ReceivedPacket {

    private final IpFamily family;
    private final ByteBuffer data;
    private InetAddress source;
    private InetAddress destination;
    private int hopLimit;

    ReceivedPacket(IpFamily family, ByteBuffer data) {
        this.family = family;
        this.data = data;
    }

    void ipv6Header(InetAddress packetSource, InetAddress packetDestination, int packetHopLimit) {
        this.source = packetSource;
        this.destination = packetDestination;
        this.hopLimit = packetHopLimit;
    }

    /** @return the packet's bytes, from index 0 to the limit */
    ByteBuffer data() {
        return data;
    }

    /** @return the VRID, or -1 if the packet is too short to hold one */
    int virtualRouterId() {
        int offset = 0;
        if (family == IpFamily.INET) {
            if (data.limit() < 1) {
                return -1;
            }
            offset = (data.get(0) & 0x0f) * 4;
            if (data.limit() > Ipv4Header.PROTOCOL && (data.get(Ipv4Header.PROTOCOL) & 0xff) == Ipv4Header.PROTOCOL_AH) {
                offset += AuthenticationHeader.LENGTH;
            }
        }
        int at = offset + AdvertisementCodec.VIRTUAL_ROUTER_ID;
        return at < data.limit() ? data.get(at) & 0xff : -1;
    }

    /**
     * @param reader the instance's reader
     * @param knownMaster the master whose adverts need no address list check, or {@code null}
     * @return the advert, or why it is dropped
     */
    public ReadResult readWith(AdvertisementReader reader, InetAddress knownMaster) {
        return family == IpFamily.INET
                ? reader.readIpv4(data, knownMaster)
                : reader.readIpv6(data, source, destination, hopLimit, knownMaster);
    }
}
