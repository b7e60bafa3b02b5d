package org.jkeepalived.shell.internal;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.ConfigService;

/** Prints the running configuration as keepalived.conf text: includes expanded, definitions substituted, conditionals resolved. */
@Command(scope = "keepalived", name = "config-dump",
        description = "Prints the running configuration, resolved: includes, definitions, conditionals and sequences applied")
@Service
public final class ConfigDumpCommand implements Action {

    @Reference
    ConfigService config;

    @Override
    public Object execute() {
        Optional<ConfigResult> current = config.current();
        if (current.isEmpty()) {
            System.out.println("No configuration runs: " + config.configFile() + " has not been valid since the start"
                    + " (keepalived:config-test shows why)");
            return null;
        }
        System.out.println("# " + current.get().file() + ", config id " + config.configId());
        System.out.print(current.get().tree().render());
        return null;
    }
}
