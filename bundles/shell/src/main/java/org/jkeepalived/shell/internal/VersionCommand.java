package org.jkeepalived.shell.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jkeepalived.core.api.Product;
import org.osgi.framework.FrameworkUtil;

/** Prints the versions of jkeepalived and of what it runs on. */
@Command(scope = "keepalived", name = "version", description = "Prints the versions of jkeepalived, Karaf and Java")
@Service
public final class VersionCommand implements Action {

    @Override
    public Object execute() {
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
        System.out.println(Product.NAME + " " + Product.version()
                + " (keepalived " + Product.keepalivedVersion() + " configuration and VRRP)");
        System.out.println("Karaf " + FrameworkUtil.getBundle(Action.class).getVersion());
        System.out.println("Java " + Runtime.version() + " " + System.getProperty("java.vm.name")
                + ", collectors: " + collectors);
        return null;
    }
}
