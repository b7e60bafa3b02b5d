package org.jkeepalived.config.internal.script;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The host's users and groups, through getent so that every name service the host uses (files,
 * LDAP, systemd's dynamic users) answers, as getpwnam(3) would for keepalived.
 */
public final class Accounts {

    private static final long GETENT_TIMEOUT_SECONDS = 5;

    /**
     * @param name a user name
     * @return the user with their primary group, if the host knows them
     */
    public Optional<Account> user(String name) {
        if (!known(name, false)) {
            return Optional.empty();
        }
        return getent("passwd", name).map(fields -> new Account(name, Integer.parseInt(fields[2]),
                Integer.parseInt(fields[3])));
    }

    /**
     * @param name a group name
     * @return the group's id, if the host knows it
     */
    public OptionalInt group(String name) {
        if (!known(name, true)) {
            return OptionalInt.empty();
        }
        return getent("group", name).map(fields -> OptionalInt.of(Integer.parseInt(fields[2])))
                .orElse(OptionalInt.empty());
    }

    /** @return the user jkeepalived runs as: the owner of its /proc/self */
    public Account self() {
        try {
            Path self = Path.of("/proc/self");
            int uid = (Integer) Files.getAttribute(self, "unix:uid");
            int gid = (Integer) Files.getAttribute(self, "unix:gid");
            return new Account(uid == 0 ? "root" : String.valueOf(uid), uid, gid);
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot tell which user jkeepalived runs as: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the name service knows the name, asked in this process; a name it does not know (as
     * keepalived_script usually is not) then costs no getent.
     */
    private static boolean known(String name, boolean group) {
        UserPrincipalLookupService names = FileSystems.getDefault().getUserPrincipalLookupService();
        try {
            if (group) {
                names.lookupPrincipalByGroupName(name);
            } else {
                names.lookupPrincipalByName(name);
            }
            return true;
        } catch (UserPrincipalNotFoundException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static Optional<String[]> getent(String database, String name) {
        // A name that getent would read as an option or a number is no account name in keepalived.conf.
        if (name.isEmpty() || name.startsWith("-") || name.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(List.of("getent", database, name))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(GETENT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String[] fields = output.strip().split(":", -1);
            return process.exitValue() == 0 && fields.length >= 3 && fields[0].equals(name)
                    ? Optional.of(fields) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
