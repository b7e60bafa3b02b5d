package org.jkeepalived.checker.http.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.Diagnostics;
import org.jkeepalived.checker.http.api.HttpProtocol;

/**
 * Binds an HTTP_GET or SSL_GET block as keepalived.conf(5) documents it. Where keepalived logs a bad
 * value and goes on without it, this reports an error with the entry's location: a check that
 * silently checks less than written is the worse outcome.
 */
final class HttpCheckBinder {

    /** The keywords of the checker block, beyond those every checker takes. */
    static final Set<String> KEYWORDS = Set.of("virtualhost", "http_protocol", "enable_sni", "fast_recovery",
            "tls_compliant", "url");

    /** The keywords of a url block. */
    static final Set<String> URL_KEYWORDS = Set.of("path", "digest", "status_code", "virtualhost", "regex",
            "regex_no_match", "regex_options", "regex_min_offset", "regex_max_offset", "regex_stack", "tls_compliant");

    private static final int DIGEST_LENGTH = 32;

    private final boolean tls;
    private final Diagnostics diagnostics;

    private HttpCheckBinder(boolean tls, Diagnostics diagnostics) {
        this.tls = tls;
        this.diagnostics = diagnostics;
    }

    /**
     * @param block the block, holding only its own keywords
     * @param tls whether the block is SSL_GET
     * @param diagnostics where errors go
     * @return the definition, whatever the errors
     */
    static HttpCheckDefinition bind(ConfigBlock block, boolean tls, Diagnostics diagnostics) {
        return new HttpCheckBinder(tls, diagnostics).bind(block);
    }

    private HttpCheckDefinition bind(ConfigBlock block) {
        HttpProtocol protocol = block.last("http_protocol").flatMap(entry -> single(entry).flatMap(value -> {
            Optional<HttpProtocol> parsed = HttpProtocol.parse(value);
            if (parsed.isEmpty()) {
                diagnostics.error(entry.argumentLocation(0), "http_protocol is 1.0, 1.0C or 1.1, not '" + value + "'");
            }
            return parsed;
        })).orElse(HttpProtocol.HTTP_1_0);
        Optional<String> virtualhost = block.last("virtualhost").flatMap(this::single);
        boolean enableSni = block.last("enable_sni").map(this::sslOnlyFlag).orElse(false);
        boolean tlsCompliant = block.last("tls_compliant").map(this::sslOnlyFlag).orElse(false);
        boolean fastRecovery = block.last("fast_recovery").map(this::flag).orElse(false);
        List<UrlCheck> urls = new ArrayList<>();
        for (ConfigEntry url : block.all("url")) {
            if (url.block().isEmpty()) {
                diagnostics.error(url.location(), "url opens a block: url { path /health }");
                continue;
            }
            if (!url.arguments().isEmpty()) {
                diagnostics.error(url.argumentLocation(0), "url takes no argument; its settings go in its block");
            }
            url(url.block().get()).ifPresent(urls::add);
            tlsCompliant |= url.block().get().last("tls_compliant").map(this::sslOnlyFlag).orElse(false);
        }
        if (block.all("url").isEmpty()) {
            diagnostics.error(block.location(), block.keyword() + " needs at least one url block: url { path /health }");
        }
        return new HttpCheckDefinition(tls, protocol, virtualhost, enableSni, fastRecovery, tlsCompliant, urls);
    }

    private Optional<UrlCheck> url(ConfigBlock url) {
        for (ConfigEntry entry : url.entries()) {
            if (!URL_KEYWORDS.contains(entry.keyword())) {
                diagnostics.error(entry.location(), "unknown keyword '" + entry.keyword() + "' in url; expected one of "
                        + String.join(", ", URL_KEYWORDS.stream().sorted().toList()));
            } else if (entry.block().isPresent()) {
                diagnostics.error(entry.location(), entry.keyword() + " opens no block");
            }
        }
        Optional<String> path = url.last("path").flatMap(this::single);
        if (url.last("path").isEmpty()) {
            diagnostics.error(url.location(), "url needs a path: path /health");
        }
        if (url.all("digest").size() > 1) {
            diagnostics.error(url.all("digest").get(1).location(), "digest is given twice in this url");
        }
        Optional<String> digest = url.last("digest").flatMap(this::digest);
        BitSet codes = new BitSet();
        for (ConfigEntry entry : url.all("status_code")) {
            if (entry.arguments().isEmpty()) {
                diagnostics.error(entry.location(), "status_code needs codes or ranges, for example status_code 200-299 503");
            }
            for (int i = 0; i < entry.arguments().size(); i++) {
                if (!StatusCodes.add(codes, entry.arguments().get(i))) {
                    diagnostics.error(entry.argumentLocation(i), "'" + entry.arguments().get(i)
                            + "' is not a status code or range from " + StatusCodes.MIN + " to " + StatusCodes.MAX);
                }
            }
        }
        Optional<String> virtualhost = url.last("virtualhost").flatMap(this::single);
        Optional<BodyRegex> regex = regex(url);
        return path.map(value -> new UrlCheck(value, digest, StatusCodes.of(codes), virtualhost, regex));
    }

    /** The regex and the keywords that refine it, which mean nothing without it. */
    private Optional<BodyRegex> regex(ConfigBlock url) {
        Optional<ConfigEntry> regex = url.last("regex");
        if (regex.isEmpty()) {
            for (String keyword : List.of("regex_no_match", "regex_options", "regex_min_offset", "regex_max_offset", "regex_stack")) {
                url.last(keyword).ifPresent(entry ->
                        diagnostics.error(entry.location(), keyword + " needs a regex in the same url block"));
            }
            return Optional.empty();
        }
        Set<RegexOption> options = EnumSet.noneOf(RegexOption.class);
        for (ConfigEntry entry : url.all("regex_options")) {
            for (int i = 0; i < entry.arguments().size(); i++) {
                String name = entry.arguments().get(i);
                Optional<RegexOption> option = RegexOption.named(name);
                if (option.isEmpty()) {
                    diagnostics.error(entry.argumentLocation(i), "unknown regex option '" + name + "'");
                } else if (!option.get().supported()) {
                    diagnostics.error(entry.argumentLocation(i), "regex option '" + name
                            + "' has no equivalent in Java's regular expressions; rewrite the regex without it");
                } else {
                    options.add(option.get());
                }
            }
        }
        url.last("regex_no_match").ifPresent(entry -> {
            if (!entry.arguments().isEmpty()) {
                diagnostics.error(entry.argumentLocation(0), "regex_no_match takes no argument");
            }
        });
        url.last("regex_stack").ifPresent(this::regexStack);
        OptionalLong minOffset = offset(url.last("regex_min_offset"));
        OptionalLong maxOffset = offset(url.last("regex_max_offset"));
        if (minOffset.isPresent() && maxOffset.isPresent() && minOffset.getAsLong() > maxOffset.getAsLong()) {
            diagnostics.error(url.last("regex_min_offset").get().location(), "regex_min_offset " + minOffset.getAsLong()
                    + " is beyond regex_max_offset " + maxOffset.getAsLong());
        }
        ConfigEntry entry = regex.get();
        if (entry.arguments().size() != 1) {
            diagnostics.error(entry.location(), "regex takes one pattern; quote a pattern that has spaces");
            return Optional.empty();
        }
        try {
            return Optional.of(BodyRegex.compile(entry.arguments().get(0), options, url.last("regex_no_match").isPresent(),
                    minOffset.orElse(0), maxOffset));
        } catch (PatternSyntaxException e) {
            diagnostics.error(entry.argumentLocation(0), "invalid regex: " + e.getDescription() + " at index " + e.getIndex()
                    + " of '" + e.getPattern() + "'");
            return Optional.empty();
        }
    }

    /** regex_stack sizes PCRE2's JIT stack; Java's matcher needs none, so it is only checked. */
    private void regexStack(ConfigEntry entry) {
        List<String> arguments = entry.arguments();
        if (arguments.size() != 2 || !arguments.stream().allMatch(HttpCheckBinder::isNumber)) {
            diagnostics.error(entry.location(), "regex_stack takes a start and a maximum size in bytes");
        } else if (Long.parseLong(arguments.get(0)) > Long.parseLong(arguments.get(1))) {
            diagnostics.error(entry.argumentLocation(0), "regex_stack start " + arguments.get(0) + " exceeds its maximum " + arguments.get(1));
        }
    }

    private OptionalLong offset(Optional<ConfigEntry> entry) {
        if (entry.isEmpty()) {
            return OptionalLong.empty();
        }
        Optional<String> value = single(entry.get());
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        if (!isNumber(value.get())) {
            diagnostics.error(entry.get().argumentLocation(0), entry.get().keyword() + " is a byte offset from 0, not '" + value.get() + "'");
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(value.get()));
    }

    private Optional<String> digest(ConfigEntry entry) {
        return single(entry).flatMap(value -> {
            if (value.length() != DIGEST_LENGTH || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                diagnostics.error(entry.argumentLocation(0), "digest is an MD5 digest of " + DIGEST_LENGTH
                        + " hexadecimal digits as genhash prints it, not '" + value + "'");
                return Optional.empty();
            }
            return Optional.of(value.toLowerCase(Locale.ROOT));
        });
    }

    /** A keyword of SSL_GET written in HTTP_GET is a mistake worth saying, not one that stops the configuration. */
    private boolean sslOnlyFlag(ConfigEntry entry) {
        boolean value = flag(entry);
        if (!tls) {
            diagnostics.warning(entry.location(), entry.keyword() + " applies to SSL_GET only; HTTP_GET ignores it");
        }
        return value && tls;
    }

    /** keepalived's optional boolean: absent means on; true/on/yes or false/off/no. */
    private boolean flag(ConfigEntry entry) {
        if (entry.arguments().isEmpty()) {
            return true;
        }
        String value = entry.arguments().get(0).toLowerCase(Locale.ROOT);
        if (entry.arguments().size() > 1) {
            diagnostics.error(entry.argumentLocation(1), entry.keyword() + " takes at most one value");
        }
        switch (value) {
            case "true": case "on": case "yes":
                return true;
            case "false": case "off": case "no":
                return false;
            default:
                diagnostics.error(entry.argumentLocation(0), entry.keyword() + " is true/on/yes or false/off/no, not '"
                        + entry.arguments().get(0) + "'");
                return false;
        }
    }

    private Optional<String> single(ConfigEntry entry) {
        if (entry.arguments().size() != 1) {
            diagnostics.error(entry.location(), entry.keyword() + " takes exactly one value");
            return Optional.empty();
        }
        return Optional.of(entry.arguments().get(0));
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.length() < 19 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
