package org.jkeepalived.core.api.process;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a script of keepalived.conf: its words as written, then any arguments jkeepalived adds; as
 * its user and group when it names them (through setpriv, with that user's groups); reading
 * /dev/null, its output discarded, as keepalived runs its scripts detached from any terminal.
 */
public final class Scripts {

    private static final File DEV_NULL = new File("/dev/null");

    private Scripts() {
    }

    /**
     * @param argv the script's words: the program, then its arguments
     * @param user the user to run it as, if not jkeepalived's own
     * @param group the group, if not the user's
     * @param extraArguments arguments after the script's own
     * @return the command line that runs it
     */
    public static List<String> commandLine(List<String> argv, Optional<String> user, Optional<String> group,
            List<String> extraArguments) {
        List<String> command = new ArrayList<>();
        user.ifPresent(name -> command.addAll(List.of("setpriv", "--reuid=" + name, "--regid=" + group.orElse(name),
                "--init-groups", "--")));
        command.addAll(argv);
        command.addAll(extraArguments);
        return command;
    }

    /**
     * Starts a script; returns without waiting for it.
     *
     * @param argv the script's words: the program, then its arguments
     * @param user the user to run it as, if not jkeepalived's own
     * @param group the group, if not the user's
     * @param extraArguments arguments after the script's own
     * @return the running script
     * @throws IOException if it cannot be started
     */
    public static Process start(List<String> argv, Optional<String> user, Optional<String> group,
            List<String> extraArguments) throws IOException {
        return new ProcessBuilder(commandLine(argv, user, group, extraArguments))
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
