package org.jkeepalived.config.internal.bind;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.CommonCheckerKeywords;
import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.config.api.model.lvs.CheckerBlock;
import org.jkeepalived.config.api.model.lvs.CheckerSettings;
import org.jkeepalived.config.internal.tree.TreeBlock;

/**
 * A checker block of a real server. The keywords every checker takes ({@link CommonCheckerKeywords})
 * are bound here into {@link CheckerSettings}; the rest of the block goes to the plugin that owns the
 * checker keyword, which reports the entries it does not know. Without a plugin the block is kept,
 * unbound, for the health-checking engine to bind when one arrives.
 */
final class CheckerBinder {

    /** keepalived's own checkers, so that one mistyped is an error and not a plugin that never comes. */
    static final Set<String> KEEPALIVED_CHECKERS = Set.of("HTTP_GET", "SSL_GET", "TCP_CHECK", "SMTP_CHECK", "DNS_CHECK",
            "MISC_CHECK", "BFD_CHECK", "UDP_CHECK", "PING_CHECK", "FILE_CHECK");

    private static final Set<String> CONNECTION = Set.of("connect_ip", "connect_port", "bindto", "bind_port", "bind_if",
            "fwmark");
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEFAULT_DELAY_LOOP = Duration.ofSeconds(60);

    /** What the common keywords set in one block. */
    static final class Draft {
        final Timers timers = new Timers();
        InetAddress connectIp;
        Integer connectPort;
        InetAddress bindTo;
        Integer bindPort;
        String bindInterface;
        long fwmark;
        Boolean alpha;
        Boolean logAllFailures;
    }

    static final Keywords<Draft> COMMON = new Keywords<Draft>()
            .add("connect_ip", "connect_ip IP", (d, a) -> {
                if (a.exactly(1)) {
                    a.address(0).ifPresent(v -> d.connectIp = v);
                }
            })
            .add("connect_port", "connect_port PORT", (d, a) -> {
                if (a.exactly(1)) {
                    a.port(0).ifPresent(v -> d.connectPort = v);
                }
            })
            .add("bindto", "bindto IP", (d, a) -> {
                if (a.exactly(1)) {
                    a.address(0).ifPresent(v -> d.bindTo = v);
                }
            })
            .add("bind_port", "bind_port PORT", (d, a) -> {
                if (a.exactly(1)) {
                    a.port(0).ifPresent(v -> d.bindPort = v);
                }
            })
            .add("bind_if", "bind_if INTERFACE", (d, a) -> a.single().ifPresent(v -> d.bindInterface = v))
            .add("fwmark", "fwmark MARK", (d, a) -> {
                if (a.exactly(1)) {
                    a.number(0, 0, 0xFFFF_FFFFL).ifPresent(v -> d.fwmark = v);
                }
            })
            .add("alpha", "alpha [BOOL]", (d, a) -> d.alpha = a.flag())
            .add("log_all_failures", "log_all_failures [BOOL]", (d, a) -> d.logAllFailures = a.flag())
            .deprecated("nb_get_retry", "retry");
    static {
        Timers.addTo(COMMON, draft -> draft.timers);
    }

    private CheckerBinder() {
    }

    /**
     * Binds one checker block.
     *
     * @param entry the block's entry, such as {@code TCP_CHECK { ... }}
     * @param inherited the real server's timers over the virtual server's
     * @param alphaDefault the real server's alpha
     * @param logAllFailuresDefault global_defs' checker_log_all_failures
     * @return the block, or empty if it has an error (reported)
     */
    static Optional<CheckerBlock> bind(ConfigEntry entry, Timers inherited, boolean alphaDefault,
            boolean logAllFailuresDefault, BindContext context) {
        String keyword = entry.keyword();
        Optional<CheckerFactory> factory = context.checkers().apply(keyword);
        if (factory.isEmpty() && !KEEPALIVED_CHECKERS.contains(keyword)) {
            Optional<String> meant = Keywords.closest(keyword, KEEPALIVED_CHECKERS);
            if (meant.isPresent()) {
                context.error(entry.location(), "unknown checker '" + keyword + "'; did you mean '" + meant.get() + "'?");
                return Optional.empty();
            }
        }
        Set<String> common = commonKeywords(keyword);
        Set<String> pluginKeywords = factory.map(CheckerFactory::subKeywords).orElse(null);
        TreeBlock block = (TreeBlock) entry.block().orElseThrow();
        Draft draft = new Draft();
        int errors = context.diagnostics().errorCount();
        for (ConfigEntry child : block.entries()) {
            if (common.contains(child.keyword())) {
                COMMON.bind(child, draft, keyword, context);
            } else if (CommonCheckerKeywords.ALL.contains(child.keyword())
                    && (pluginKeywords == null || !pluginKeywords.contains(child.keyword()))) {
                context.error(child.location(), "'" + child.keyword() + "' does not apply to " + keyword);
            } else if (pluginKeywords != null && !pluginKeywords.contains(child.keyword())) {
                Set<String> known = new HashSet<>(pluginKeywords);
                known.addAll(common);
                context.error(child.location(), "unknown keyword '" + child.keyword() + "' in " + keyword
                        + Keywords.closest(child.keyword(), known).map(s -> "; did you mean '" + s + "'?").orElse(""));
            }
        }
        TreeBlock pluginBlock = block.filter(child -> !common.contains(child.keyword())
                && (pluginKeywords == null ? !CommonCheckerKeywords.ALL.contains(child.keyword())
                        : pluginKeywords.contains(child.keyword())));
        Optional<CheckerDefinition> definition = Optional.empty();
        if (factory.isEmpty()) {
            if (context.unservedCheckers().add(keyword)) {
                context.warning(entry.location(), "no checker plugin serves " + keyword + ": its blocks are kept, and "
                        + "their checks start once a plugin for " + keyword + " is installed");
            }
        } else if (context.diagnostics().errorCount() == errors) {
            definition = definition(factory.get(), pluginBlock, entry, context);
            if (definition.isEmpty()) {
                return Optional.empty();
            }
        }
        if (context.diagnostics().errorCount() != errors) {
            return Optional.empty();
        }
        return Optional.of(new CheckerBlock(keyword, pluginBlock,
                settings(keyword, draft, inherited, alphaDefault, logAllFailuresDefault), definition));
    }

    /** Lets the plugin bind its part of the block; a plugin that fails does not take the configuration down with it. */
    private static Optional<CheckerDefinition> definition(CheckerFactory factory, TreeBlock block, ConfigEntry entry,
            BindContext context) {
        try {
            CheckerDefinition definition = factory.bind(block, context.diagnostics());
            if (definition == null) {
                context.error(entry.location(), "the " + entry.keyword() + " plugin bound this block to nothing");
            }
            return Optional.ofNullable(definition);
        } catch (RuntimeException | LinkageError e) {
            context.error(entry.location(), "the " + entry.keyword() + " plugin failed on this block: " + e);
            return Optional.empty();
        }
    }

    /**
     * The common keywords a checker takes: MISC_CHECK connects nowhere and takes none of the
     * connection keywords; BFD_CHECK and FILE_CHECK take none of them at all, as in keepalived.
     */
    static Set<String> commonKeywords(String keyword) {
        switch (keyword) {
            case "MISC_CHECK": {
                Set<String> keywords = new HashSet<>(CommonCheckerKeywords.ALL);
                keywords.removeAll(CONNECTION);
                return keywords;
            }
            case "BFD_CHECK":
            case "FILE_CHECK":
                return Set.of();
            default:
                return CommonCheckerKeywords.ALL;
        }
    }

    /** keepalived's defaults, which differ by checker for retry and delay_before_retry. */
    private static CheckerSettings settings(String keyword, Draft draft, Timers inherited, boolean alphaDefault,
            boolean logAllFailuresDefault) {
        Timers timers = draft.timers.over(inherited);
        Duration delayLoop = timers.delayLoop != null ? timers.delayLoop : DEFAULT_DELAY_LOOP;
        int retry = timers.retry != null ? timers.retry
                : keyword.equals("DNS_CHECK") ? 3 : keyword.equals("MISC_CHECK") ? 0 : 1;
        Duration delayBeforeRetry = timers.delayBeforeRetry != null ? timers.delayBeforeRetry
                : keyword.equals("HTTP_GET") || keyword.equals("SSL_GET") ? Duration.ofSeconds(3)
                : keyword.equals("DNS_CHECK") ? delayLoop : Duration.ofSeconds(1);
        return new CheckerSettings(Optional.ofNullable(draft.connectIp), Optional.ofNullable(draft.connectPort),
                Optional.ofNullable(draft.bindTo), Optional.ofNullable(draft.bindPort),
                Optional.ofNullable(draft.bindInterface),
                timers.connectTimeout != null ? timers.connectTimeout : DEFAULT_CONNECT_TIMEOUT, draft.fwmark, retry,
                delayBeforeRetry, timers.warmup != null ? timers.warmup : delayLoop, delayLoop,
                draft.alpha != null ? draft.alpha : alphaDefault,
                draft.logAllFailures != null ? draft.logAllFailures : logAllFailuresDefault);
    }
}
