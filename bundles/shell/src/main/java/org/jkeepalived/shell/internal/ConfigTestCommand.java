package org.jkeepalived.shell.internal;

import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.ConfigService;

/** Checks a configuration file as the running one would be read, without applying it. */
@Command(scope = "keepalived", name = "config-test",
        description = "Checks a configuration file without applying it; prints its errors and warnings")
@Service
public final class ConfigTestCommand implements Action {

    @Reference
    ConfigService config;

    @Argument(index = 0, name = "file", description = "The file to check (default: the running configuration's file)")
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() {
        ConfigResult result = config.validate(file == null ? config.configFile() : Path.of(file));
        result.diagnostics().forEach(System.out::println);
        System.out.println(result.summary());
        return null;
    }
}
