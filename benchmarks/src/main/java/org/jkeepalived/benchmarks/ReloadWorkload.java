package org.jkeepalived.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two configurations the reload benchmark switches between, and the IPVS table each must give:
 * one VRRP instance and {@code virtualServers} virtual servers of {@code realServers} real servers
 * each, none checked (a real server without a checker is up, in keepalived as in jkeepalived, so
 * the table is known in advance). In the changed configuration every twentieth virtual server has
 * two real servers with a new weight, one removed and one added: about 1% of the real servers with
 * 20 per virtual server.
 *
 * <p>A table is written as service → destination → weight, each an {@code address:port} text.
 */
final class ReloadWorkload {

    /** Of each this many virtual servers, the first is changed. */
    private static final int CHANGED_EVERY = 20;

    static final String INTERFACE = "veth0";
    static final String ROUTER_ADDRESS = "192.0.2.1";
    static final int PRIORITY = 150;

    private final int virtualServers;
    private final int realServers;

    ReloadWorkload(int virtualServers, int realServers) {
        if (realServers < 3 || realServers > 250 || virtualServers < 1 || virtualServers > 62_500) {
            throw new IllegalArgumentException("from 3 to 250 real servers (a changed virtual server needs 3: two reweighted, "
                    + "one removed) and from 1 to 62,500 virtual servers, for their addresses");
        }
        this.virtualServers = virtualServers;
        this.realServers = realServers;
    }

    int virtualServers() {
        return virtualServers;
    }

    int realServers() {
        return virtualServers * realServers;
    }

    /** @return the real servers that differ between the two configurations: reweighted, removed, added */
    int changedRealServers() {
        return changedServices().size() * 4;
    }

    /** @return the services that differ between the two configurations */
    List<String> changedServices() {
        List<String> changed = new ArrayList<>();
        for (int v = 0; v < virtualServers; v += CHANGED_EVERY) {
            changed.add(service(v));
        }
        return changed;
    }

    /** @return as many services as {@code count} that are the same in both configurations, spread over the table */
    List<String> unchangedServices(int count) {
        List<String> unchanged = new ArrayList<>();
        int step = Math.max(1, virtualServers / count);
        for (int v = CHANGED_EVERY / 2; v < virtualServers && unchanged.size() < count; v += step) {
            if (v % CHANGED_EVERY != 0) {
                unchanged.add(service(v));
            }
        }
        return unchanged;
    }

    /** @return the table the configuration gives */
    Map<String, Map<String, Integer>> table(boolean changed) {
        Map<String, Map<String, Integer>> table = new LinkedHashMap<>();
        for (int v = 0; v < virtualServers; v++) {
            table.put(service(v), destinations(v, changed));
        }
        return table;
    }

    /** keepalived.conf of either configuration, the same for both daemons. */
    String config(boolean changed) {
        StringBuilder text = new StringBuilder("""
                vrrp_instance VI_1 {
                    state MASTER
                    interface %s
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    virtual_ipaddress {
                        192.0.2.100/24
                    }
                }
                """.formatted(INTERFACE, PRIORITY));
        for (int v = 0; v < virtualServers; v++) {
            text.append("virtual_server ").append(service(v).replace(':', ' '))
                    .append(" {\n    lb_algo wrr\n    lb_kind NAT\n    protocol TCP\n");
            destinations(v, changed).forEach((destination, weight) -> text.append("    real_server ").append(destination.replace(':', ' '))
                    .append(" {\n        weight ").append(weight).append("\n    }\n"));
            text.append("}\n");
        }
        return text.toString();
    }

    private static String service(int v) {
        return "198.18." + v / 250 + "." + (v % 250 + 1) + ":80";
    }

    private Map<String, Integer> destinations(int v, boolean changed) {
        Map<String, Integer> destinations = new LinkedHashMap<>();
        boolean differs = changed && v % CHANGED_EVERY == 0;
        for (int r = 0; r < realServers; r++) {
            if (differs && r == 2) {
                continue;
            }
            destinations.put(realServer(v, r), differs && r < 2 ? 2 + r : 1);
        }
        if (differs) {
            destinations.put(realServer(v, realServers), 1);
        }
        return destinations;
    }

    private static String realServer(int v, int r) {
        return "10." + v / 250 + "." + v % 250 + "." + (r + 1) + ":8080";
    }
}
