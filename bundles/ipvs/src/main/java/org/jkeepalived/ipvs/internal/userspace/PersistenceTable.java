package org.jkeepalived.ipvs.internal.userspace;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import org.jkeepalived.ipvs.api.Persistence;

/**
 * The persistence templates of a service, as IPVS keeps them: per client (its address cut to the
 * persistence granularity), the destination of its first connection. A client keeps its destination
 * for the persistence timeout after its last new connection, and for as long as any of its
 * connections is open; a quiescent destination keeps its clients (IPVS's default, with
 * {@code expire_quiescent_template} off), a removed one loses them. Used on the control loop only.
 */
final class PersistenceTable {

    /** One client's affinity. */
    static final class Template {
        private final InetAddress client;
        private final UserspaceDestination destination;
        private long expiresAt;
        private int connections;

        private Template(InetAddress client, UserspaceDestination destination) {
            this.client = client;
            this.destination = destination;
        }
    }

    private final Map<InetAddress, Template> templates = new HashMap<>();
    private Persistence persistence;

    PersistenceTable(Persistence persistence) {
        this.persistence = persistence;
    }

    void update(Persistence updated) {
        persistence = updated;
    }

    /**
     * @param client the client's address
     * @param now {@link System#nanoTime()}
     * @return the client's template, if it still holds
     */
    Template find(InetAddress client, long now) {
        InetAddress key = mask(client);
        Template template = templates.get(key);
        if (template != null && (template.destination.removed() || expired(template, now))) {
            remove(template);
            return null;
        }
        return template;
    }

    /** Makes a template for a client's first connection. */
    Template create(InetAddress client, UserspaceDestination destination) {
        Template template = new Template(mask(client), destination);
        templates.put(template.client, template);
        destination.persistentBound();
        return template;
    }

    static UserspaceDestination destination(Template template) {
        return template.destination;
    }

    /** A connection of the template's client begins. */
    void used(Template template, long now) {
        template.connections++;
        template.expiresAt = now + persistence.timeout().toNanos();
    }

    /** A connection of the template's client ended. */
    void released(Template template) {
        template.connections--;
    }

    /** Forgets the templates that expired. */
    void expire(long now) {
        for (Iterator<Template> it = templates.values().iterator(); it.hasNext(); ) {
            Template template = it.next();
            if (template.destination.removed() || expired(template, now)) {
                it.remove();
                template.destination.persistentUnbound();
            }
        }
    }

    /** Forgets every template. */
    void clear() {
        templates.values().forEach(template -> template.destination.persistentUnbound());
        templates.clear();
    }

    private void remove(Template template) {
        templates.remove(template.client);
        template.destination.persistentUnbound();
    }

    private static boolean expired(Template template, long now) {
        return template.connections == 0 && now - template.expiresAt >= 0;
    }

    private InetAddress mask(InetAddress client) {
        byte[] bytes = client.getAddress();
        int prefix = Math.min(persistence.prefixLength(), bytes.length * 8);
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
