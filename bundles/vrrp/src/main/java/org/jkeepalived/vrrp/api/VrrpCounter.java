package org.jkeepalived.vrrp.api;

import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * The counters of a VRRP instance that keepalived keeps, in the order of its statistics file
 * (SIGUSR2), with the names its statistics file, its JSON dump (SIGJSON) and jkeepalived's shell give
 * them. Counters keepalived does not write have no file line and no JSON name.
 */
public enum VrrpCounter {

    ADVERTS_RECEIVED("Advertisements received", "Advertisements", "Received", "advert_rcvd",
            VrrpInstanceStatus::advertsReceived),
    ADVERTS_SENT("Advertisements sent", "Advertisements", "Sent", "advert_sent", VrrpInstanceStatus::advertsSent),
    BECAME_MASTER("Became master", "", "Became master", "become_master", VrrpInstanceStatus::becameMaster),
    RELEASED_MASTER("Released master", "", "Released master", "release_master", VrrpInstanceStatus::releasedMaster),
    PACKET_LENGTH_ERRORS("Packet errors: length", "Packet Errors", "Length", "packet_len_err"),
    TTL_ERRORS("Packet errors: TTL", "Packet Errors", "TTL", "ip_ttl_err"),
    INVALID_TYPE("Packet errors: invalid type", "Packet Errors", "Invalid Type", "invalid_type_rcvd"),
    ADVERT_INTERVAL_ERRORS("Packet errors: advertisement interval", "Packet Errors", "Advertisement Interval",
            "advert_interval_err"),
    ADDRESS_LIST_ERRORS("Packet errors: address list", "Packet Errors", "Address List", "addr_list_err"),
    VERSION_ERRORS("Packet errors: version", null, null, null, status -> status.dropped("vers_err")),
    CHECKSUM_ERRORS("Packet errors: checksum", null, null, null, status -> status.dropped("chk_err")),
    INVALID_AUTH_TYPE("Authentication errors: invalid type", "Authentication Errors", "Invalid Type", "invalid_authtype"),
    AUTH_TYPE_MISMATCH("Authentication errors: type mismatch", "Authentication Errors", "Type Mismatch",
            "authtype_mismatch"),
    AUTH_FAILURE("Authentication errors: failure", "Authentication Errors", "Failure", "auth_failure"),
    PRIORITY_ZERO_RECEIVED("Priority zero received", "Priority Zero", "Received", "pri_zero_rcvd",
            VrrpInstanceStatus::priorityZeroReceived),
    PRIORITY_ZERO_SENT("Priority zero sent", "Priority Zero", "Sent", "pri_zero_sent",
            VrrpInstanceStatus::priorityZeroSent),
    /** Reasons keepalived only logs: unknown VRID, a unicast source that is not a peer, an owner ignoring adverts. */
    OTHER_DROPS("Other packets dropped", null, null, null, status -> status.dropped(null));

    private final String title;
    private final String fileSection;
    private final String fileLine;
    private final String jsonName;
    private final ToLongFunction<VrrpInstanceStatus> value;

    /** A counter of drops that keepalived counts under the statistic of the same name as its JSON name. */
    VrrpCounter(String title, String fileSection, String fileLine, String statistic) {
        this(title, fileSection, fileLine, statistic, status -> status.dropped(statistic));
    }

    VrrpCounter(String title, String fileSection, String fileLine, String jsonName, ToLongFunction<VrrpInstanceStatus> value) {
        this.title = title;
        this.fileSection = fileSection;
        this.fileLine = fileLine;
        this.jsonName = jsonName;
        this.value = value;
    }

    /** @return the counter's name in jkeepalived's shell, for example {@code Packet errors: TTL} */
    public String title() {
        return title;
    }

    /**
     * @return the heading it is written under in keepalived's statistics file, for example
     *         {@code Packet Errors}; empty for a line of its own, {@code null} if keepalived does not
     *         write it
     */
    public String fileSection() {
        return fileSection;
    }

    /** @return its line's name in keepalived's statistics file, or {@code null} if keepalived does not write it */
    public String fileLine() {
        return fileLine;
    }

    /** @return its name among the "stats" of keepalived's JSON dump, or {@code null} if keepalived has none */
    public String jsonName() {
        return jsonName;
    }

    /**
     * @param status an instance
     * @return the counter's value for it
     */
    public long of(VrrpInstanceStatus status) {
        return value.applyAsLong(Objects.requireNonNull(status, "status"));
    }
}
