package org.jkeepalived.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpService;

/** Completes the names of the VRRP instances that run. */
@Service
public final class VrrpInstanceCompleter implements Completer {

    @Reference
    VrrpService vrrp;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(vrrp.instances().stream().map(VrrpInstanceStatus::name).toList())
                .complete(session, commandLine, candidates);
    }
}
