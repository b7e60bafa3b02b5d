package org.jkeepalived.vrrp.internal.codec;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.vrrp.UnicastPeer;
import org.jkeepalived.vrrp.api.DropReason;

/**
 * Checks a received packet against an instance's {@link ReceiveRules} and reads the advert in it.
 * The checks and their order are keepalived's ({@code vrrp_check_packet()}), which follow RFC 5798
 * section 7.1 and RFC 3768 section 7.1; the first that fails names the {@link DropReason}. Any
 * sequence of bytes gives a result: nothing here throws on bad input. Buffers are big-endian.
 */
public final class AdvertisementReader {

    private static final int HEADER = AdvertisementCodec.HEADER_LENGTH;

    private final ReceiveRules rules;
    private final byte[][] addresses;
    private final byte[] multicastGroup;
    private final AuthenticationHeader authenticationHeader;

    /** @param rules what the instance accepts, of an authentication type other than AH */
    public AdvertisementReader(ReceiveRules rules) {
        this(rules, null);
    }

    /**
     * @param rules what the instance accepts
     * @param authenticationHeader what checks the IPsec authentication header of auth_type AH, the
     *                             one that signs the instance's adverts; {@code null} for the other types
     */
    public AdvertisementReader(ReceiveRules rules, AuthenticationHeader authenticationHeader) {
        if ((rules.authType() == AuthType.AH) != (authenticationHeader != null)) {
            throw new IllegalArgumentException("an IPsec authentication header goes with auth_type AH, and only with it");
        }
        this.rules = rules;
        this.authenticationHeader = authenticationHeader;
        this.addresses = rules.addresses().stream().map(InetAddress::getAddress).toArray(byte[][]::new);
        this.multicastGroup = rules.multicastGroup() == null ? null : rules.multicastGroup().getAddress();
    }

    /**
     * Reads an IPv4 packet as a raw socket delivers it: the IP header, with auth_type AH the IPsec
     * authentication header, then VRRP.
     *
     * @param packet the packet, from index 0 to the buffer's limit
     * @param knownMaster the master whose adverts need no address list check (skip_check_adv_addr
     *                    checks only the first advert of each master), or {@code null}
     * @return the advert, or why it was dropped
     */
    public ReadResult readIpv4(ByteBuffer packet, InetAddress knownMaster) {
        requireNetworkOrder(packet);
        int length = packet.limit();
        if (length < Ipv4Header.LENGTH) {
            return drop(DropReason.TRUNCATED, length + " bytes cannot hold an IPv4 header");
        }
        int versionAndLength = packet.get(0) & 0xff;
        int headerLength = (versionAndLength & 0x0f) * 4;
        if ((versionAndLength >>> 4) != 4 || headerLength < Ipv4Header.LENGTH) {
            return drop(DropReason.MALFORMED_IP_HEADER, String.format("first byte 0x%02x", versionAndLength));
        }
        if (length < headerLength + HEADER) {
            return drop(DropReason.TRUNCATED, length + " bytes after an IPv4 header of " + headerLength);
        }
        int totalLength = packet.getShort(Ipv4Header.TOTAL_LENGTH) & 0xffff;
        if (totalLength != length) {
            return drop(DropReason.MALFORMED_IP_HEADER, "total length " + totalLength + " but " + length + " bytes received");
        }
        int protocol = packet.get(Ipv4Header.PROTOCOL) & 0xff;
        if ((protocol == Ipv4Header.PROTOCOL_AH) != (rules.authType() == AuthType.AH)) {
            return drop(DropReason.AUTH_TYPE_MISMATCH, protocol == Ipv4Header.PROTOCOL_AH
                    ? "IPsec AH header but auth_type is not AH" : "no IPsec AH header but auth_type is AH");
        }
        int messageOffset = headerLength;
        if (protocol == Ipv4Header.PROTOCOL_AH) {
            if (length < headerLength + AuthenticationHeader.LENGTH + HEADER) {
                return drop(DropReason.TRUNCATED, length + " bytes after IPv4 and IPsec AH headers");
            }
            if (!AuthenticationHeader.carriesVrrp(packet, headerLength)) {
                return drop(DropReason.MALFORMED_IP_HEADER, "IPsec AH header of another protocol than VRRP");
            }
            messageOffset += AuthenticationHeader.LENGTH;
        } else if (protocol != Ipv4Header.PROTOCOL_VRRP) {
            return drop(DropReason.MALFORMED_IP_HEADER, "protocol " + protocol);
        }
        InetAddress source = AdvertisementCodec.address(packet, Ipv4Header.SOURCE, 4);
        InetAddress destination = AdvertisementCodec.address(packet, Ipv4Header.DESTINATION, 4);
        int ttl = packet.get(Ipv4Header.TTL) & 0xff;
        return read(packet, messageOffset, length - messageOffset, source, destination, ttl, knownMaster);
    }

    /**
     * Reads an IPv6 advert as a raw socket delivers it: the VRRP message, with the addresses and hop
     * limit from the socket's ancillary data.
     *
     * @param message the message, from index 0 to the buffer's limit
     * @param source the IPv6 source
     * @param destination the IPv6 destination
     * @param hopLimit the hop limit
     * @param knownMaster the master whose adverts need no address list check, or {@code null}
     * @return the advert, or why it was dropped
     */
    public ReadResult readIpv6(ByteBuffer message, InetAddress source, InetAddress destination, int hopLimit,
            InetAddress knownMaster) {
        requireNetworkOrder(message);
        if (message.limit() < HEADER) {
            return drop(DropReason.TRUNCATED, message.limit() + " bytes cannot hold a VRRP header");
        }
        return read(message, 0, message.limit(), source, destination, hopLimit, knownMaster);
    }

    private ReadResult read(ByteBuffer buffer, int offset, int length, InetAddress source, InetAddress destination,
            int ttl, InetAddress knownMaster) {
        boolean checkAddresses = !source.equals(knownMaster);
        int versionNumber = (buffer.get(offset) & 0xff) >>> 4;
        if (versionNumber != 2 && versionNumber != 3) {
            return drop(DropReason.VERSION, "version " + versionNumber);
        }
        VrrpVersion version = VrrpVersion.of(versionNumber);
        int count = buffer.get(offset + AdvertisementCodec.COUNT) & 0xff;
        int expected = AdvertisementCodec.length(version, rules.family(), count);
        if (length != expected) {
            return drop(DropReason.LENGTH_MISMATCH, "VRRPv" + versionNumber + " with " + count + " addresses is "
                    + expected + " bytes, not " + length);
        }
        if (!rules.unicast() && ttl != Ipv4Header.VRRP_TTL) {
            return drop(DropReason.TTL, "TTL " + ttl + " from " + source.getHostAddress());
        }
        if (version != rules.version()) {
            return drop(DropReason.VERSION, "VRRPv" + versionNumber + ", expected VRRPv" + rules.version().number());
        }
        if (version == VrrpVersion.V2) {
            ReadResult authentication = checkV2(buffer, offset, length);
            if (authentication != null) {
                return authentication;
            }
        }
        int type = buffer.get(offset) & 0x0f;
        if (type != AdvertisementCodec.TYPE_ADVERTISEMENT) {
            return drop(DropReason.TYPE, "type " + type);
        }
        if (checkAddresses && count != addresses.length) {
            return drop(DropReason.ADDRESS_LIST, count + " addresses, expected " + addresses.length);
        }
        boolean legacyChecksum = false;
        long messageSum = InternetChecksum.add(0, buffer, offset, length);
        if (!checksumValid(messageSum, source, destination, length)) {
            if (!legacyChecksumValid(messageSum, source, destination, length)) {
                return drop(DropReason.CHECKSUM, String.format("checksum 0x%04x from %s",
                        AdvertisementCodec.checksum(buffer, offset), source.getHostAddress()));
            }
            legacyChecksum = true;
        }
        if (destination.isMulticastAddress() == rules.unicast()) {
            return drop(DropReason.UNEXPECTED_DESTINATION, (rules.unicast() ? "multicast" : "unicast")
                    + " advert to " + destination.getHostAddress());
        }
        if (checkAddresses) {
            ReadResult list = checkAddressList(buffer, offset + HEADER, count);
            if (list != null) {
                return list;
            }
        }
        if (rules.unicast() && rules.checkUnicastSource()) {
            ReadResult peer = checkPeer(source, ttl);
            if (peer != null) {
                return peer;
            }
        }
        if (rules.ownerIgnoresAdverts()) {
            return drop(DropReason.OWNER_IGNORES_ADVERTS, "from " + source.getHostAddress());
        }
        return new ReadResult.Accepted(AdvertisementCodec.decode(buffer, offset, rules.family()), source, ttl,
                legacyChecksum);
    }

    private ReadResult checkV2(ByteBuffer buffer, int offset, int length) {
        int code = buffer.get(offset + AdvertisementCodec.AUTH_TYPE) & 0xff;
        AuthType authType = AuthType.ofCode(code);
        if (authType == null) {
            return drop(DropReason.INVALID_AUTH_TYPE, "auth type " + code);
        }
        if (authType != rules.authType()) {
            return drop(DropReason.AUTH_TYPE_MISMATCH, "auth type " + authType + ", expected " + rules.authType());
        }
        // keepalived compares the password in constant time (memcmp_constant_time)
        if (authType == AuthType.PASS
                && (buffer.getLong(offset + length - AuthType.DATA_LENGTH) ^ rules.authData()) != 0) {
            return drop(DropReason.AUTH_FAILURE, "wrong password");
        }
        if (authType == AuthType.AH) {
            String failure = authenticationHeader.verify(buffer, offset - AuthenticationHeader.LENGTH, offset + length);
            if (failure != null) {
                return drop(DropReason.AUTH_FAILURE, failure);
            }
        }
        int interval = buffer.get(offset + AdvertisementCodec.ADVERT_INTERVAL_V2) & 0xff;
        if (interval != rules.advertInterval()) {
            return drop(DropReason.ADVERT_INTERVAL, "advert_int " + interval + " s, ours " + rules.advertInterval() + " s");
        }
        return null;
    }

    private boolean checksumValid(long messageSum, InetAddress source, InetAddress destination, int length) {
        if (rules.version() == VrrpVersion.V2
                || (rules.family() == IpFamily.INET && rules.checksumRule() == ChecksumRule.MESSAGE)) {
            return InternetChecksum.finish(messageSum) == 0;
        }
        byte[] pseudoDestination = rules.checksumRule() == ChecksumRule.PSEUDO_HEADER_GROUP
                && rules.family() == IpFamily.INET ? multicastGroup : destination.getAddress();
        return InternetChecksum.finish(messageSum + InternetChecksum.pseudoHeader(source.getAddress(),
                pseudoDestination, Ipv4Header.PROTOCOL_VRRP, length)) == 0;
    }

    /** keepalived's automatic compatibility with the unicast checksum of 1.3.6 and before. */
    private boolean legacyChecksumValid(long messageSum, InetAddress source, InetAddress destination, int length) {
        if (!rules.detectLegacyUnicastChecksum() || !rules.unicast() || rules.family() != IpFamily.INET
                || rules.version() != VrrpVersion.V3 || rules.checksumRule() != ChecksumRule.PSEUDO_HEADER
                || Arrays.equals(destination.getAddress(), multicastGroup)) {
            return false;
        }
        return InternetChecksum.finish(messageSum + InternetChecksum.pseudoHeader(source.getAddress(),
                multicastGroup, Ipv4Header.PROTOCOL_VRRP, length)) == 0;
    }

    private ReadResult checkAddressList(ByteBuffer buffer, int offset, int count) {
        int size = AdvertisementCodec.addressLength(rules.family());
        for (byte[] address : addresses) {
            if (!contains(buffer, offset, count, size, address)) {
                return drop(DropReason.ADDRESS_LIST, AdvertisementCodec.address(ByteBuffer.wrap(address), 0, size)
                        .getHostAddress() + " is not in the advert");
            }
        }
        return null;
    }

    private static boolean contains(ByteBuffer buffer, int offset, int count, int size, byte[] address) {
        for (int i = 0; i < count; i++) {
            int at = offset + i * size;
            boolean equal = true;
            for (int b = 0; b < size && equal; b++) {
                equal = buffer.get(at + b) == address[b];
            }
            if (equal) {
                return true;
            }
        }
        return false;
    }

    private ReadResult checkPeer(InetAddress source, int ttl) {
        for (UnicastPeer peer : rules.peers()) {
            if (peer.address().equals(source)) {
                boolean inRange = peer.minTtl().map(min -> ttl >= min).orElse(true)
                        && peer.maxTtl().map(max -> ttl <= max).orElse(true);
                return inRange ? null
                        : drop(DropReason.UNICAST_TTL, "TTL " + ttl + " from " + source.getHostAddress());
            }
        }
        return drop(DropReason.UNICAST_SOURCE, source.getHostAddress());
    }

    private static void requireNetworkOrder(ByteBuffer buffer) {
        if (buffer.order() != ByteOrder.BIG_ENDIAN) {
            throw new IllegalArgumentException("packets are read in network byte order");
        }
    }

    private static ReadResult drop(DropReason reason, String detail) {
        return new ReadResult.Dropped(reason, detail);
    }
}
