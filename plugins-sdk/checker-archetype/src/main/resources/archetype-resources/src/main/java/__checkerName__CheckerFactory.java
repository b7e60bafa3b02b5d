package ${package};

import java.util.Optional;
import java.util.Set;

import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.Diagnostics;
import org.osgi.service.component.annotations.Component;

/**
 * {@code ${keyword} { greeting WORD }}: the real server is up when, once connected, it sends a first
 * line that starts with WORD (any line when there is no {@code greeting}), as SMTP, FTP and SSH
 * servers greet their clients.
 *
 * <p>Registered as a Declarative Services component, so the container finds it when the bundle is
 * dropped into {@code deploy/}, and config test finds it through the bundle's Service-Component header.
 */
@Component(service = CheckerFactory.class)
public final class ${checkerName}CheckerFactory implements CheckerFactory {

    @Override
    public String keyword() {
        return "${keyword}";
    }

    @Override
    public Set<String> subKeywords() {
        return Set.of("greeting");
    }

    @Override
    public CheckerDefinition bind(ConfigBlock block, Diagnostics diagnostics) {
        Optional<ConfigEntry> greeting = block.last("greeting");
        if (greeting.isEmpty()) {
            return new ${checkerName}CheckDefinition("");
        }
        ConfigEntry entry = greeting.get();
        if (entry.arguments().size() != 1) {
            diagnostics.error(entry.location(), "greeting takes one word, the start of the server's first line, found "
                    + entry.arguments().size());
            return new ${checkerName}CheckDefinition("");
        }
        return new ${checkerName}CheckDefinition(entry.arguments().get(0));
    }
}
