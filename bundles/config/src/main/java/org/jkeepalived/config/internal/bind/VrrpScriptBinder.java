package org.jkeepalived.config.internal.bind;

import java.time.Duration;
import java.util.Optional;

import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.model.Script;
import org.jkeepalived.config.api.model.vrrp.VrrpScript;

/** vrrp_script NAME { ... }. */
final class VrrpScriptBinder {

    private static final Duration MAX_INTERVAL = Duration.ofDays(1);

    static final class Draft {
        final String name;
        final ConfigLocation location;
        Script script;
        ConfigLocation scriptLocation;
        Duration interval = Duration.ofSeconds(1);
        Duration timeout;
        Tracking.Weight weight = new Tracking.Weight(0, false);
        int rise = 1;
        int fall = 1;
        String user;
        String group;
        boolean initFail;

        Draft(String name, ConfigLocation location) {
            this.name = name;
            this.location = location;
        }

        Optional<VrrpScript> build(BindContext context) {
            if (script == null) {
                context.error(location, "vrrp_script " + name + " has no script; expected script \"COMMAND ARGUMENTS\"");
                return Optional.empty();
            }
            // user in the block sets who the script runs as, like the user after the command.
            Script withUser = context.vet(user == null ? script
                    : new Script(script.command(), script.argv(), Optional.of(user), Optional.ofNullable(group)),
                    scriptLocation);
            return Optional.of(new VrrpScript(name, withUser, interval, timeout == null ? interval : timeout,
                    weight.weight(), weight.reverse(), rise, fall, initFail));
        }
    }

    static final Keywords<Draft> KEYWORDS = new Keywords<Draft>()
            .add("script", "script COMMAND [USER [GROUP]]", VrrpScriptBinder::script)
            .add("interval", "interval SECONDS",
                    (d, a) -> a.singleTimer(Duration.ofMillis(1), MAX_INTERVAL).ifPresent(v -> d.interval = v))
            .add("timeout", "timeout SECONDS",
                    (d, a) -> a.singleTimer(Duration.ofMillis(1), MAX_INTERVAL).ifPresent(v -> d.timeout = v))
            .add("weight", "weight <-253..253> [reverse]",
                    (d, a) -> Tracking.defaultWeight(a, 253).ifPresent(w -> d.weight = w))
            .add("rise", "rise COUNT", (d, a) -> a.singleInt(1, Integer.MAX_VALUE).ifPresent(v -> d.rise = v))
            .add("fall", "fall COUNT", (d, a) -> a.singleInt(1, Integer.MAX_VALUE).ifPresent(v -> d.fall = v))
            .add("user", "user USER [GROUP]", VrrpScriptBinder::user)
            .add("init_fail", "init_fail", (d, a) -> d.initFail = a.bare());

    private VrrpScriptBinder() {
    }

    private static void script(Draft draft, Args args) {
        args.command().ifPresent(script -> {
            draft.script = script;
            draft.scriptLocation = args.location(0);
        });
    }

    private static void user(Draft draft, Args args) {
        if (args.require(1)) {
            args.atMost(2);
            draft.user = args.word(0);
            draft.group = args.has(1) ? args.word(1) : null;
        }
    }
}
