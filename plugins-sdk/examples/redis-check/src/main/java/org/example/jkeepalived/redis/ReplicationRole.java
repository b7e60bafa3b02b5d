package org.example.jkeepalived.redis;

import java.util.Locale;
import java.util.Optional;

/** What a Redis server is in replication, as {@code INFO replication} says in its {@code role:} line. */
enum ReplicationRole {
    MASTER("master"),
    /** Redis still writes {@code role:slave} for a replica. */
    REPLICA("slave");

    private final String infoValue;

    ReplicationRole(String infoValue) {
        this.infoValue = infoValue;
    }

    /** @return the word used in keepalived.conf: {@code master} or {@code replica} */
    String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param keyword {@code master} or {@code replica} (or the older {@code slave})
     * @return the role, if the word names one
     */
    static Optional<ReplicationRole> ofKeyword(String keyword) {
        return switch (keyword) {
            case "master" -> Optional.of(MASTER);
            case "replica", "slave" -> Optional.of(REPLICA);
            default -> Optional.empty();
        };
    }

    /**
     * @param info the text of {@code INFO replication}: {@code key:value} lines ending in CRLF
     * @return the role it states, if it has a {@code role:} line naming one
     */
    static Optional<ReplicationRole> ofInfo(String info) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("role:")) {
                String value = line.substring("role:".length()).strip();
                for (ReplicationRole role : values()) {
                    if (role.infoValue.equals(value)) {
                        return Optional.of(role);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
