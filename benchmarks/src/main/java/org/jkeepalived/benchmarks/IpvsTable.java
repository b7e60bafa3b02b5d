package org.jkeepalived.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jkeepalived.ipvs.api.DataPlaneException;
import org.jkeepalived.ipvs.api.DestinationStatus;
import org.jkeepalived.ipvs.api.IpProtocol;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.internal.kernel.KernelDataPlane;

/**
 * The kernel's IPVS table as the reload benchmark reads it, as service → destination → weight
 * ({@code address:port} texts, TCP services): whole, from {@code ipvsadm -S -n}, a reader that is
 * neither daemon's; or a few services at a time through generic netlink, cheap enough to poll.
 */
final class IpvsTable implements AutoCloseable {

    private final KernelDataPlane netlink;

    private IpvsTable(KernelDataPlane netlink) {
        this.netlink = netlink;
    }

    static IpvsTable open() throws DataPlaneException {
        return new IpvsTable(KernelDataPlane.open());
    }

    /** @return the whole table, as ipvsadm saves it */
    static Map<String, Map<String, Integer>> dump() throws IOException, InterruptedException {
        Process ipvsadm = new ProcessBuilder("ipvsadm", "-S", "-n").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String saved = new String(ipvsadm.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        if (ipvsadm.waitFor() != 0) {
            throw new IOException("ipvsadm -S -n failed with " + ipvsadm.exitValue());
        }
        Map<String, Map<String, Integer>> table = new LinkedHashMap<>();
        for (String line : saved.lines().toList()) {
            // -A -t 198.18.0.1:80 -s wrr   and   -a -t 198.18.0.1:80 -r 10.0.0.1:8080 -m -w 1
            String[] words = line.trim().split("\\s+");
            if (words[0].equals("-A")) {
                table.put(words[2], new LinkedHashMap<>());
            } else if (words[0].equals("-a")) {
                table.computeIfAbsent(words[2], service -> new LinkedHashMap<>()).put(words[4], Integer.parseInt(words[words.length - 1]));
            }
        }
        return table;
    }

    /** Removes every service, as {@code ipvsadm -C}. */
    static void clear() throws IOException, InterruptedException {
        if (new ProcessBuilder("ipvsadm", "-C").inheritIO().start().waitFor() != 0) {
            throw new IOException("ipvsadm -C failed");
        }
    }

    /**
     * @param services TCP services, {@code address:port}
     * @return their destinations and weights; a service that is not in the table is absent
     */
    Map<String, Map<String, Integer>> read(List<String> services) throws DataPlaneException {
        Map<String, Map<String, Integer>> table = new LinkedHashMap<>();
        for (String service : services) {
            try {
                Map<String, Integer> destinations = new LinkedHashMap<>();
                for (DestinationStatus status : netlink.destinations(key(service))) {
                    destinations.put(status.destination().key().address().getHostAddress() + ":" + status.destination().key().port(),
                            status.destination().weight());
                }
                table.put(service, destinations);
            } catch (DataPlaneException e) {
                if (e.reason() != DataPlaneException.Reason.NO_SUCH_SERVICE) {
                    throw e;
                }
            }
        }
        return table;
    }

    /**
     * @param table a table
     * @param wanted another
     * @return how many services and destinations differ: missing, extra or of another weight
     */
    static int differences(Map<String, Map<String, Integer>> table, Map<String, Map<String, Integer>> wanted) {
        int differences = 0;
        for (Map.Entry<String, Map<String, Integer>> service : wanted.entrySet()) {
            Map<String, Integer> has = table.get(service.getKey());
            if (has == null) {
                differences += 1 + service.getValue().size();
                continue;
            }
            for (Map.Entry<String, Integer> destination : service.getValue().entrySet()) {
                if (!Objects.equals(has.get(destination.getKey()), destination.getValue())) {
                    differences++;
                }
            }
            differences += (int) has.keySet().stream().filter(destination -> !service.getValue().containsKey(destination)).count();
        }
        for (Map.Entry<String, Map<String, Integer>> service : table.entrySet()) {
            if (!wanted.containsKey(service.getKey())) {
                differences += 1 + service.getValue().size();
            }
        }
        return differences;
    }

    /** @return the destinations of a table, in all */
    static int destinations(Map<String, Map<String, Integer>> table) {
        return table.values().stream().mapToInt(Map::size).sum();
    }

    /** @return part of a table */
    static Map<String, Map<String, Integer>> part(Map<String, Map<String, Integer>> table, List<String> services) {
        Map<String, Map<String, Integer>> part = new LinkedHashMap<>();
        services.forEach(service -> part.put(service, table.get(service)));
        return part;
    }

    /** @return the TCP service an {@code address:port} text of a table names */
    static ServiceKey key(String service) {
        int colon = service.lastIndexOf(':');
        try {
            return new ServiceKey.Inet(IpProtocol.TCP, InetAddress.getByName(service.substring(0, colon)),
                    Integer.parseInt(service.substring(colon + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(service, e);
        }
    }

    @Override
    public void close() {
        netlink.close();
    }
}
