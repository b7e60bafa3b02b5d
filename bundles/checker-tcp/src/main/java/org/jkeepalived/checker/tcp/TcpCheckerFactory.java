package org.jkeepalived.checker.tcp;

import java.util.Set;

import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.Diagnostics;
import org.osgi.service.component.annotations.Component;

/**
 * {@code TCP_CHECK}: the real server is up when a TCP connection to it completes within
 * {@code connect_timeout}. The block takes only the keywords every checker takes ({@code connect_ip},
 * {@code connect_port}, {@code bindto}, {@code bind_port}, {@code bind_if}, {@code fwmark}, timers),
 * which the engine reads into the target.
 */
@Component(service = CheckerFactory.class)
public final class TcpCheckerFactory implements CheckerFactory {

    @Override
    public String keyword() {
        return "TCP_CHECK";
    }

    @Override
    public Set<String> subKeywords() {
        return Set.of();
    }

    @Override
    public CheckerDefinition bind(ConfigBlock block, Diagnostics diagnostics) {
        return new TcpCheckDefinition();
    }
}
