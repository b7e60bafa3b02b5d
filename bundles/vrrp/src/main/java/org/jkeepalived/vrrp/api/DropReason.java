package org.jkeepalived.vrrp.api;

/**
 * Why a received packet was not taken as an advertisement. Each reason is counted per instance, or
 * per channel when the packet could not be given to an instance; {@link #statistic()} names the
 * counter of keepalived's statistics that counts the same drops.
 */
public enum DropReason {

    /** Shorter than the headers it claims, or than a VRRP header. */
    TRUNCATED("packet_len_err", "too short for its headers"),

    /** An IPv4 header that is not one: wrong version, header length or total length. */
    MALFORMED_IP_HEADER("packet_len_err", "malformed IPv4 header"),

    /** The length does not match the address count (RFC 5798 section 7.1: MUST verify the complete packet). */
    LENGTH_MISMATCH("packet_len_err", "length does not match the address count"),

    /** No instance on the channel has the packet's virtual router id. */
    UNKNOWN_VRID(null, "no instance has this virtual router id"),

    /** A multicast advert whose TTL or hop limit is not 255 (RFC 5798 section 7.1). */
    TTL("ip_ttl_err", "TTL or hop limit is not 255"),

    /** A VRRP version other than the instance's. */
    VERSION("vers_err", "wrong VRRP version"),

    /** A VRRP type other than ADVERTISEMENT (RFC 5798 section 5.2.2). */
    TYPE("invalid_type_rcvd", "not an advertisement"),

    /** A VRRPv2 authentication type that is not 0, 1 or 2. */
    INVALID_AUTH_TYPE("invalid_authtype", "unknown authentication type"),

    /** An authentication type other than the instance's (RFC 2338 section 7.1). */
    AUTH_TYPE_MISMATCH("authtype_mismatch", "authentication type differs from ours"),

    /** A wrong password. */
    AUTH_FAILURE("auth_failure", "authentication failed"),

    /** A VRRPv2 advert interval other than ours (RFC 3768 section 7.1: MUST drop). */
    ADVERT_INTERVAL("advert_interval_err", "advertisement interval differs from ours"),

    /** A bad checksum. */
    CHECKSUM("chk_err", "bad checksum"),

    /** A multicast advert to a unicast instance, or a unicast one to a multicast instance. */
    UNEXPECTED_DESTINATION("addr_list_err", "unicast and multicast mixed"),

    /** The addresses differ from the instance's virtual addresses (RFC 5798 section 7.1: MAY verify). */
    ADDRESS_LIST("addr_list_err", "addresses differ from ours"),

    /** A unicast advert from an address that is not a unicast_peer (check_unicast_src). */
    UNICAST_SOURCE(null, "source is not a unicast peer"),

    /** A unicast advert whose TTL is outside the peer's min_ttl..max_ttl. */
    UNICAST_TTL("ip_ttl_err", "TTL outside the peer's range"),

    /** An address owner that ignores adverts (owner_ignore_adverts). */
    OWNER_IGNORES_ADVERTS(null, "the address owner ignores adverts");

    private final String statistic;
    private final String description;

    DropReason(String statistic, String description) {
        this.statistic = statistic;
        this.description = description;
    }

    /** @return the name of keepalived's counter of these drops, or {@code null} where keepalived only logs them */
    public String statistic() {
        return statistic;
    }

    /** @return what was wrong with the packet, in a few words */
    public String description() {
        return description;
    }
}
