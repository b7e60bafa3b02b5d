package org.jkeepalived.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.jkeepalived.checker.registry.api.CheckerRegistration;
import org.jkeepalived.checker.registry.api.CheckerRegistry;

/** Lists the checker keywords and the plugin bundles that serve them. */
@Command(scope = "keepalived", name = "checkers", description = "Lists the checker plugins: keyword, bundle, version")
@Service
public final class CheckersCommand implements Action {

    @Reference
    CheckerRegistry registry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Keyword");
        table.column("Bundle");
        table.column("Version");
        table.column("Id").alignRight();
        table.column("State");
        for (CheckerRegistration registration : registry.registrations()) {
            boolean serving = registry.serving(registration.keyword()).filter(registration::equals).isPresent();
            table.addRow().addContent(
                    registration.keyword(),
                    registration.bundleSymbolicName(),
                    registration.bundleVersion(),
                    registration.bundleId(),
                    serving ? "serving" : "standby");
        }
        table.print(System.out);
        return null;
    }
}
