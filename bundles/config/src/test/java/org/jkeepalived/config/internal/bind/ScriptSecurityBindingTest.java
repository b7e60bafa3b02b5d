package org.jkeepalived.config.internal.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.jkeepalived.config.api.Configs.messages;
import static org.jkeepalived.config.api.Configs.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.Script;
import org.jkeepalived.config.api.model.vrrp.NotifyScripts;
import org.jkeepalived.config.internal.script.Accounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** global_defs' script_user and enable_script_security applied to the scripts of a whole configuration. */
class ScriptSecurityBindingTest {

    @TempDir
    Path temp;

    private Path safe;
    private Path open;

    @BeforeEach
    void scripts() throws IOException {
        assumeThat(new Accounts().self().uid()).as("the ownership checks need root").isZero();
        safe = temp.resolve("safe.sh");
        open = temp.resolve("open.sh");
        for (Path file : new Path[] {safe, open}) {
            Files.writeString(file, "#!/bin/sh\nexit 0\n");
        }
        Files.setPosixFilePermissions(safe, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    private String config(String globals) {
        return """
                global_defs {
                %s
                }
                vrrp_script chk_open {
                    script "%s --quiet"
                }
                vrrp_script chk_nobody {
                    script "%s"
                    user nobody
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 1
                    virtual_ipaddress {
                        192.0.2.1
                    }
                    track_script {
                        chk_open
                        chk_nobody
                    }
                    notify_master "%s master"
                    notify_backup %s
                }
                """.formatted(globals, open, open, safe, open);
    }

    private static NotifyScripts notify(KeepalivedConfig config) {
        return config.vrrpInstances().get(0).notifyScripts();
    }

    private static Script trackScript(KeepalivedConfig config, String name) {
        return config.vrrpScripts().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().script();
    }

    @Test
    void enableScriptSecurityRefusesEachUnsafeRootScriptWithWhereAndWhy() {
        ConfigResult result = read(config("    script_user root\n    enable_script_security"));

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:6:12: warning: script " + open + " is disabled by enable_script_security: "
                        + open + " is writable by every user",
                "keepalived.conf:23:19: warning: script " + open + " is disabled by enable_script_security: "
                        + open + " is writable by every user");
        KeepalivedConfig config = result.config().orElseThrow();
        assertThat(trackScript(config, "chk_open").refused()).contains(open + " is writable by every user");
        assertThat(notify(config).backup().orElseThrow().runnable()).isFalse();
        // an unprivileged user cannot use the open file to gain root's powers
        assertThat(trackScript(config, "chk_nobody").runnable()).isTrue();
        assertThat(trackScript(config, "chk_nobody").user()).contains("nobody");
        assertThat(notify(config).master().orElseThrow().runnable()).isTrue();
        assertThat(notify(config).master().orElseThrow().user()).contains("root");
    }

    @Test
    void withoutEnableScriptSecurityUnsafeScriptsRunAndOneWarningNamesThem() {
        ConfigResult result = read(config("    router_id lb1"));

        assertThat(messages(result)).containsExactly("keepalived.conf:5:12: warning: SECURITY VIOLATION - scripts are "
                + "being executed but script_security not enabled; unsafe: "
                + open + " (keepalived.conf:5:12: " + open + " is writable by every user), "
                + open + " (keepalived.conf:22:19: " + open + " is writable by every user)");
        KeepalivedConfig config = result.config().orElseThrow();
        assertThat(trackScript(config, "chk_open").runnable()).isTrue();
        assertThat(notify(config).backup().orElseThrow().runnable()).isTrue();
    }

    @Test
    void scriptUserIsWhoScriptsWithoutTheirOwnUserRunAs() {
        ConfigResult result = read(config("    script_user nobody nogroup\n    enable_script_security"));

        assertThat(messages(result)).isEmpty();
        KeepalivedConfig config = result.config().orElseThrow();
        assertThat(notify(config).master().orElseThrow().user()).contains("nobody");
        assertThat(notify(config).master().orElseThrow().group()).contains("nogroup");
        assertThat(trackScript(config, "chk_nobody").group()).isEmpty();
    }

    @Test
    void enableScriptSecurityDoesNotDefaultToJkeepalivedsOwnUser() {
        assumeThat(new Accounts().user("keepalived_script")).as("user keepalived_script exists here").isEmpty();

        ConfigResult result = read(config("    enable_script_security"));

        assertThat(notify(result.config().orElseThrow()).master().orElseThrow().refused())
                .contains("script_user is not set and user keepalived_script does not exist, so it would run as "
                        + "jkeepalived's own user");
        assertThat(trackScript(result.config().orElseThrow(), "chk_nobody").runnable()).isTrue();
    }
}
