package org.jkeepalived.core.internal.process;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Keeps the pid files named by the launcher's {@code -p}, {@code -r} and {@code -c} options (the
 * framework property {@code jkeepalived.pid.files}, comma-separated) for as long as the core runs.
 */
@Component(immediate = true)
public final class PidFilesComponent {

    static final String PID_FILES_PROPERTY = "jkeepalived.pid.files";

    private PidFiles pidFiles;

    @Activate
    void activate(BundleContext context) {
        pidFiles = new PidFiles(parse(context.getProperty(PID_FILES_PROPERTY)), ProcessHandle.current().pid());
        pidFiles.write();
    }

    @Deactivate
    void deactivate() {
        pidFiles.remove();
    }

    static List<Path> parse(String property) {
        if (property == null || property.isBlank()) {
            return List.of();
        }
        return Arrays.stream(property.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(Path::of)
                .distinct()
                .collect(Collectors.toList());
    }
}
