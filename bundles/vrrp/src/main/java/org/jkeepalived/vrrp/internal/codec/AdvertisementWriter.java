package org.jkeepalived.vrrp.internal.codec;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.jkeepalived.config.api.model.net.IpFamily;

/**
 * Writes the adverts of one instance. Everything that does not change from one advert to the next
 * is prepared once; each {@link #write} then sets the priority, destination and IPv4 identification
 * and computes the checksums, allocating nothing, so that the send path makes no garbage.
 *
 * <p>For IPv4 the packet starts with the IPv4 header, as keepalived sends it on an
 * {@code IP_HDRINCL} socket, followed with auth_type AH by the {@link AuthenticationHeader}. For
 * IPv6 it is the VRRP message alone: the kernel adds the header and, with {@code IPV6_CHECKSUM},
 * recomputes the checksum written here.
 */
public final class AdvertisementWriter {

    private final IpFamily family;
    private final byte[] template;
    private final int messageOffset;
    private final int messageLength;
    private final int ttl;
    private final byte[] source;
    private final byte[][] destinations;
    private final long[] pseudoHeaderSums;
    private final AuthenticationHeader authenticationHeader;

    private AdvertisementWriter(Advertisement advert, InetAddress source, List<? extends InetAddress> destinations,
            ChecksumRule rule, InetAddress group, int ttl, AuthenticationHeader authenticationHeader) {
        this.family = advert.family();
        this.authenticationHeader = authenticationHeader;
        this.messageOffset = family == IpFamily.INET
                ? Ipv4Header.LENGTH + (authenticationHeader == null ? 0 : AuthenticationHeader.LENGTH) : 0;
        this.messageLength = AdvertisementCodec.length(advert.version(), family, advert.addresses().size());
        this.template = new byte[messageOffset + messageLength];
        AdvertisementCodec.encode(advert, ByteBuffer.wrap(template), messageOffset);
        this.ttl = ttl;
        this.source = source.getAddress();
        if (authenticationHeader != null) {
            AuthenticationHeader.writeTemplate(ByteBuffer.wrap(template), Ipv4Header.LENGTH, this.source);
        }
        this.destinations = new byte[destinations.size()][];
        this.pseudoHeaderSums = new long[destinations.size()];
        for (int i = 0; i < destinations.size(); i++) {
            InetAddress destination = destinations.get(i);
            requireFamily(destination);
            this.destinations[i] = destination.getAddress();
            if (rule == ChecksumRule.PSEUDO_HEADER) {
                pseudoHeaderSums[i] = InternetChecksum.pseudoHeader(this.source, this.destinations[i],
                        Ipv4Header.PROTOCOL_VRRP, messageLength);
            } else if (rule == ChecksumRule.PSEUDO_HEADER_GROUP) {
                pseudoHeaderSums[i] = InternetChecksum.pseudoHeader(this.source, group.getAddress(),
                        Ipv4Header.PROTOCOL_VRRP, messageLength);
            }
        }
        requireFamily(source);
    }

    /**
     * @param advert the advert, whose priority {@link #write} replaces
     * @param source the source address of the packets
     * @param destinations the multicast group, or the unicast peers in the order they are sent to
     * @param rule what the checksum covers: {@link ChecksumRule#MESSAGE} for VRRPv2,
     *             {@link ChecksumRule#PSEUDO_HEADER} for IPv6
     * @param group the multicast group, for {@link ChecksumRule#PSEUDO_HEADER_GROUP}
     * @param ttl the IPv4 TTL: 255, or unicast_ttl; unused for IPv6, whose hop limit is a socket option
     * @return the writer
     * @throws IllegalArgumentException if the rule does not fit the version and family, or an address the family
     */
    public static AdvertisementWriter create(Advertisement advert, InetAddress source,
            List<? extends InetAddress> destinations, ChecksumRule rule, InetAddress group, int ttl) {
        return create(advert, source, destinations, rule, group, ttl, null);
    }

    /**
     * @param advert the advert, whose priority {@link #write} replaces
     * @param source the source address of the packets
     * @param destinations the multicast group, or the unicast peers in the order they are sent to
     * @param rule what the checksum covers
     * @param group the multicast group, for {@link ChecksumRule#PSEUDO_HEADER_GROUP}
     * @param ttl the IPv4 TTL
     * @param authenticationHeader what signs the adverts of auth_type AH, which each {@link #write}
     *                             gives the next sequence number; {@code null} for the other types
     * @return the writer
     * @throws IllegalArgumentException if the rule does not fit the version and family, an address
     *         the family, or the header the authentication type
     */
    public static AdvertisementWriter create(Advertisement advert, InetAddress source,
            List<? extends InetAddress> destinations, ChecksumRule rule, InetAddress group, int ttl,
            AuthenticationHeader authenticationHeader) {
        if ((advert.authType() == AuthType.AH) != (authenticationHeader != null)) {
            throw new IllegalArgumentException("an IPsec authentication header goes with auth_type AH, and only with it");
        }
        if (destinations.isEmpty()) {
            throw new IllegalArgumentException("an advert needs a destination");
        }
        if (advert.version() == VrrpVersion.V2 && rule != ChecksumRule.MESSAGE) {
            throw new IllegalArgumentException("a VRRPv2 checksum covers the message alone (RFC 3768 section 5.3.8)");
        }
        if (advert.family() == IpFamily.INET6 && rule != ChecksumRule.PSEUDO_HEADER) {
            throw new IllegalArgumentException("an IPv6 VRRPv3 checksum covers the pseudo-header (RFC 5798 section 5.2.8)");
        }
        return new AdvertisementWriter(advert, source, destinations, rule, group, ttl, authenticationHeader);
    }

    /** @return the length of a packet: the IPv4 header (and authentication header) and the message, or the IPv6 message */
    public int length() {
        return messageOffset + messageLength;
    }

    /** @return the number of destinations */
    public int destinationCount() {
        return destinations.length;
    }

    /**
     * Writes an advert at index 0 of {@code out}.
     *
     * @param out the buffer, big-endian and at least {@link #length()} long; its position is not changed
     * @param priority the priority to advertise: the instance's, or 0 when it stops
     * @param destination the index of the destination
     * @param identification the IPv4 identification; unused for IPv6
     * @return the length written
     */
    public int write(ByteBuffer out, int priority, int destination, int identification) {
        if (out.order() != ByteOrder.BIG_ENDIAN) {
            throw new IllegalArgumentException("adverts are written in network byte order");
        }
        out.put(0, template, 0, length());
        out.put(messageOffset + AdvertisementCodec.PRIORITY, (byte) priority);
        long sum = InternetChecksum.add(pseudoHeaderSums[destination], out, messageOffset, messageLength);
        out.putShort(messageOffset + AdvertisementCodec.CHECKSUM, (short) InternetChecksum.finish(sum));
        if (family == IpFamily.INET) {
            Ipv4Header.write(out, 0, length(), identification, ttl,
                    authenticationHeader == null ? Ipv4Header.PROTOCOL_VRRP : Ipv4Header.PROTOCOL_AH, source,
                    destinations[destination]);
        }
        if (authenticationHeader != null) {
            authenticationHeader.sign(out, length());
        }
        return length();
    }

    private void requireFamily(InetAddress address) {
        if (IpFamily.of(address) != family) {
            throw new IllegalArgumentException(address.getHostAddress() + " is not an " + family + " address");
        }
    }
}
