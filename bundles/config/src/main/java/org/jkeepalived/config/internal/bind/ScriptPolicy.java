package org.jkeepalived.config.internal.bind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.model.Script;
import org.jkeepalived.config.api.model.ScriptSecurity;
import org.jkeepalived.config.internal.script.Account;
import org.jkeepalived.config.internal.script.Accounts;
import org.jkeepalived.config.internal.script.ScriptSafety;

/**
 * Who each script runs as and whether it may run, by global_defs' script_user,
 * enable_script_security and use_symlink_paths (keepalived.conf(5)): a script runs as its own user,
 * else script_user, else keepalived_script if that user exists, else as jkeepalived itself; with
 * enable_script_security an unsafe script is refused (and never run as jkeepalived's own user by
 * default), without it it runs and one SECURITY VIOLATION warning names the unsafe ones.
 */
final class ScriptPolicy {

    private static final String DEFAULT_USER = "keepalived_script";

    private record Unsafe(Script script, ConfigLocation location, String reason) {
    }

    private final ScriptSecurity settings;
    private final Accounts accounts;
    private final ScriptSafety safety;
    private final Map<List<Object>, Optional<String>> verdicts = new HashMap<>();
    private final List<Unsafe> tolerated = new ArrayList<>();
    private Optional<Account> defaultUser;

    /**
     * @param settings global_defs' script settings
     * @param accounts the host's users and groups
     * @param safety the check of a program's path
     */
    ScriptPolicy(ScriptSecurity settings, Accounts accounts, ScriptSafety safety) {
        this.settings = settings;
        this.accounts = accounts;
        this.safety = safety;
    }

    /**
     * @param script a script as keepalived.conf gives it
     * @param location where it is given
     * @param context where the refusal goes
     * @return the script with the user it runs as, refused if enable_script_security refuses it
     */
    Script vet(Script script, ConfigLocation location, BindContext context) {
        Optional<String> user = script.user().or(settings::scriptUser);
        Optional<String> group = script.user().isPresent() ? script.group() : settings.scriptGroup();
        if (user.isEmpty() && defaultUser().isPresent()) {
            user = Optional.of(DEFAULT_USER);
        }
        Optional<String> unsafe = verdict(script.program(), user, group);
        if (unsafe.isEmpty()) {
            return new Script(script.command(), script.argv(), user, group);
        }
        if (settings.enableScriptSecurity()) {
            context.warning(location, "script " + script.program() + " is disabled by enable_script_security: "
                    + unsafe.get());
            return new Script(script.command(), script.argv(), user, group, unsafe);
        }
        tolerated.add(new Unsafe(script, location, unsafe.get()));
        return new Script(script.command(), script.argv(), user, group);
    }

    /** Reports, once, the unsafe scripts that run because enable_script_security is not set. */
    void reportTolerated(BindContext context) {
        if (tolerated.isEmpty()) {
            return;
        }
        List<Unsafe> inFileOrder = tolerated.stream().sorted(Comparator.comparing((Unsafe u) -> u.location().file())
                .thenComparingInt(u -> u.location().line()).thenComparingInt(u -> u.location().column())).toList();
        context.warning(inFileOrder.get(0).location(),
                "SECURITY VIOLATION - scripts are being executed but script_security not enabled; unsafe: "
                        + inFileOrder.stream().map(u -> u.script().program() + " (" + u.location() + ": " + u.reason() + ")")
                                .collect(Collectors.joining(", ")));
    }

    private Optional<String> verdict(String program, Optional<String> user, Optional<String> group) {
        return verdicts.computeIfAbsent(List.of(program, user, group), key -> {
            if (user.isEmpty() && settings.enableScriptSecurity()) {
                return Optional.of("script_user is not set and user " + DEFAULT_USER
                        + " does not exist, so it would run as jkeepalived's own user");
            }
            Optional<Account> account = user.isEmpty() ? Optional.of(accounts.self()) : account(user.get(), group);
            if (account.isEmpty()) {
                return Optional.of("user " + user.orElseThrow() + group.map(g -> " or group " + g).orElse("")
                        + " does not exist");
            }
            return safety.check(program, account.get(), settings.useSymlinkPaths());
        });
    }

    private Optional<Account> account(String user, Optional<String> group) {
        Optional<Account> account = accounts.user(user);
        if (account.isEmpty() || group.isEmpty()) {
            return account;
        }
        OptionalInt gid = accounts.group(group.get());
        return gid.isPresent()
                ? Optional.of(new Account(user + ":" + group.get(), account.get().uid(), gid.getAsInt()))
                : Optional.empty();
    }

    private Optional<Account> defaultUser() {
        if (defaultUser == null) {
            defaultUser = accounts.user(DEFAULT_USER);
        }
        return defaultUser;
    }
}
