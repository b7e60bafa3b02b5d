package org.jkeepalived.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.ConfigService;

/** Reads the configuration file again and applies it, as SIGHUP does. */
@Command(scope = "keepalived", name = "reload",
        description = "Reads the configuration file again and applies what changed; a file with errors changes nothing")
@Service
public final class ReloadCommand implements Action {

    @Reference
    ConfigService config;

    @Override
    public Object execute() {
        ConfigResult result = config.reload();
        result.diagnostics().forEach(System.out::println);
        System.out.println(result.summary() + (result.hasErrors() ? "; not applied, the running configuration stays" : "; applied"));
        return null;
    }
}
