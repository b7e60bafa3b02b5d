package org.jkeepalived.vrrp.internal.runtime;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.jkeepalived.config.api.model.vrrp.Nftables;
import org.jkeepalived.core.api.loop.EventLoop;
import org.jkeepalived.netlink.api.AddressSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps packets to the virtual addresses of no_accept instances from this host while they are
 * master (RFC 5798 section 6.1, Accept_Mode False), as keepalived does, in an nftables inet table of
 * its own: a chain on the input hook drops what is addressed to the addresses in its sets (IPv6
 * link-local ones with their interface) and lets neighbour discovery through, so that hosts still
 * resolve the addresses they route through.
 *
 * <p>nft runs on a loop of its own, in the order asked, so that the VRRP loop never waits for it: an
 * address goes into a set a moment before its instance sets it. The table is made anew when first
 * needed and when its settings change, which also clears what a previous run left; it is deleted
 * when no instance needs it and at stop. Without nft, or with a kernel that refuses the table, the
 * instances run all the same and the log says that their addresses take packets.
 */
final class NoAcceptFilter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NoAcceptFilter.class);
    private static final long CLOSE_SECONDS = 10;

    /** An address in one of the table's sets, as nft writes it. */
    private record Element(String set, String value) {

        static Element of(AddressSpec address) {
            InetAddress ip = address.address();
            String text = ip.getHostAddress().replaceFirst("%.*", "");
            if (ip instanceof Inet4Address) {
                return new Element("vips", text);
            }
            return ip.isLinkLocalAddress() ? new Element("vips6_if", text + " . \"" + address.device() + "\"")
                    : new Element("vips6", text);
        }
    }

    private final EventLoop loop;
    private final Optional<Nft> nft;
    /** The rest is used on the loop only. */
    private Nftables settings = Nftables.DEFAULT;
    private boolean tableMade;
    /** Whether a table a previous run may have left is gone. */
    private boolean cleared;
    private final Map<String, Set<Element>> blocked = new HashMap<>();

    /** @param loop where nft runs; the filter closes it */
    NoAcceptFilter(EventLoop loop) {
        this.loop = loop;
        this.nft = Nft.find();
    }

    /**
     * Takes the settings of a configuration.
     *
     * @param next the table's settings
     * @param needed whether an instance of the configuration is no_accept
     */
    void configure(Nftables next, boolean needed) {
        loop.execute(() -> {
            if (nft.isEmpty()) {
                if (needed) {
                    LOG.error("no_accept needs nft(8), which is not installed: the virtual addresses of no_accept "
                            + "instances will take packets while they are master");
                }
                return;
            }
            if (tableMade && (!needed || !next.equals(settings))) {
                delete();
                tableMade = false;
            }
            settings = next;
            if (needed && !tableMade) {
                // made anew, it replaces any table of that name
                make();
            } else if (!needed && !cleared) {
                // the table a previous run with this configuration may have left
                delete();
            }
            cleared = true;
        });
    }

    /**
     * Drops packets to addresses from now on.
     *
     * @param owner the instance that sets them
     * @param addresses the addresses
     */
    void block(String owner, List<AddressSpec> addresses) {
        loop.execute(() -> {
            Set<Element> before = all();
            blocked.computeIfAbsent(owner, name -> new HashSet<>())
                    .addAll(addresses.stream().map(Element::of).toList());
            Set<Element> added = all();
            added.removeAll(before);
            if (added.isEmpty()) {
                return;
            }
            if (nft.isEmpty()) {
                LOG.error("{}: no_accept needs nft(8), which is not installed: {} take packets", owner, values(added));
            } else if (!tableMade) {
                make();
            } else {
                change("add", added, owner + ": cannot drop packets to " + values(added) + " (no_accept)");
            }
        });
    }

    /**
     * Lets packets to addresses through again; those another instance still blocks stay blocked.
     *
     * @param owner the instance that set them
     * @param addresses the addresses
     */
    void unblock(String owner, List<AddressSpec> addresses) {
        loop.execute(() -> {
            Set<Element> own = blocked.get(owner);
            if (own == null) {
                return;
            }
            Set<Element> before = all();
            addresses.stream().map(Element::of).forEach(own::remove);
            if (own.isEmpty()) {
                blocked.remove(owner);
            }
            before.removeAll(all());
            if (!before.isEmpty() && tableMade) {
                change("delete", before, owner + ": cannot stop dropping packets to " + values(before));
            }
        });
    }

    /** Deletes the table, after what was asked before, waiting a while for nft; then closes the loop. */
    @Override
    public void close() {
        CompletableFuture<Void> deleted = CompletableFuture.runAsync(() -> {
            if (tableMade) {
                delete();
                tableMade = false;
            }
        }, loop);
        try {
            deleted.get(CLOSE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("cannot delete nftables table inet {}: {}", settings.table(), e.getMessage());
        } finally {
            loop.close();
        }
    }

    /** Makes the table anew, with every address blocked now. */
    private void make() {
        String table = "inet " + settings.table();
        String counter = settings.counters() ? " counter" : "";
        StringBuilder script = new StringBuilder()
                // adding first makes the delete succeed whether or not a table was there
                .append("add table ").append(table).append('\n')
                .append("delete table ").append(table).append('\n')
                .append("table ").append(table).append(" {\n")
                .append("  set vips { type ipv4_addr; }\n")
                .append("  set vips6 { type ipv6_addr; }\n")
                .append("  set vips6_if { type ipv6_addr . ifname; }\n")
                .append("  chain in {\n")
                .append("    type filter hook input priority ").append(settings.priority()).append("; policy accept;\n")
                .append("    ip daddr @vips").append(counter).append(" drop\n")
                .append("    icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert } accept\n")
                .append("    ip6 daddr @vips6").append(counter).append(" drop\n")
                .append("    ip6 daddr . iifname @vips6_if").append(counter).append(" drop\n")
                .append("  }\n")
                .append("}\n");
        Set<Element> elements = all();
        if (!elements.isEmpty()) {
            script.append(elements("add", elements));
        }
        tableMade = run(script.toString(), "cannot make nftables table " + table + " for no_accept; the virtual "
                + "addresses of no_accept instances take packets");
    }

    /** Deletes the table, if it is there: adding it first makes the delete succeed either way. */
    private void delete() {
        String name = "inet " + settings.table();
        run("add table " + name + "\ndelete table " + name + "\n", "cannot delete nftables table " + name);
    }

    private void change(String command, Set<Element> elements, String failure) {
        run(elements(command, elements), failure);
    }

    private boolean run(String script, String failure) {
        try {
            nft.orElseThrow().run(script);
            return true;
        } catch (IOException e) {
            LOG.error("{}: {}", failure, e.getMessage());
            return false;
        }
    }

    /** @return {@code add element} or {@code delete element} lines, one per set */
    private String elements(String command, Collection<Element> elements) {
        Map<String, List<String>> bySet = elements.stream().collect(Collectors.groupingBy(Element::set, TreeMap::new,
                Collectors.mapping(Element::value, Collectors.toList())));
        StringBuilder script = new StringBuilder();
        bySet.forEach((set, values) -> script.append(command).append(" element inet ").append(settings.table()).append(' ')
                .append(set).append(" { ").append(String.join(", ", values)).append(" }\n"));
        return script.toString();
    }

    private Set<Element> all() {
        Set<Element> all = new HashSet<>();
        blocked.values().forEach(all::addAll);
        return all;
    }

    private static String values(Set<Element> elements) {
        return elements.stream().map(Element::value).sorted().collect(Collectors.joining(", "));
    }
}
