package org.jkeepalived.config.internal.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keepalived's script security rule on real files: ownership, modes, sticky directories, links. */
class ScriptSafetyTest {

    private static final Account ROOT = new Account("root", 0, 0);
    private static final Account NOBODY = new Account("nobody", 65534, 65534);

    @TempDir
    Path temp;

    private Path scripts;
    private final ScriptSafety safety = new ScriptSafety("/nonexistent");

    @BeforeEach
    void rootOwnedScriptDirectory() throws IOException {
        assumeThat(new Accounts().self().uid()).as("the ownership checks need root").isZero();
        // /tmp is world-writable but sticky, and the temporary directory is root's and private
        scripts = Files.createDirectory(temp.resolve("scripts"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    private Path script(Path directory, String permissions) throws IOException {
        Path file = directory.resolve("check.sh");
        Files.writeString(file, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private static void chown(Path path, String user) throws IOException {
        UserPrincipalLookupService names = path.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(path, names.lookupPrincipalByName(user));
    }

    private static void chgrp(Path path, String group) throws IOException {
        UserPrincipalLookupService names = path.getFileSystem().getUserPrincipalLookupService();
        Files.getFileAttributeView(path, PosixFileAttributeView.class)
                .setGroup(names.lookupPrincipalByGroupName(group));
    }

    @Test
    void aRootScriptOnlyRootCanChangeIsSafe() throws IOException {
        Path file = script(scripts, "rwxr-xr-x");

        assertThat(safety.check(file.toString(), ROOT, false)).isEmpty();
    }

    @Test
    void aScriptEveryoneCanWriteIsUnsafeForRoot() throws IOException {
        Path file = script(scripts, "rwxr-xrwx");

        assertThat(safety.check(file.toString(), ROOT, false)).contains(file + " is writable by every user");
    }

    @Test
    void aScriptItsNonRootGroupCanWriteIsUnsafeButRootsGroupMay() throws IOException {
        Path file = script(scripts, "rwxrwxr-x");
        assertThat(safety.check(file.toString(), ROOT, false)).isEmpty();

        chgrp(file, "nogroup");

        assertThat(safety.check(file.toString(), ROOT, false)).contains(file + " is writable by group gid 65534");
    }

    @Test
    void aDirectoryOnThePathThatOthersCanWriteMakesItUnsafeUnlessSticky() throws IOException {
        Path file = script(scripts, "rwxr-xr-x");
        Files.setPosixFilePermissions(scripts, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(safety.check(file.toString(), ROOT, false)).contains(scripts + " is writable by every user");

        Files.setAttribute(scripts, "unix:mode", 01777);
        assertThat(safety.check(file.toString(), ROOT, false)).isEmpty();
    }

    @Test
    void aScriptOrDirectoryOwnedByAnotherUserIsUnsafe() throws IOException {
        Path file = script(scripts, "rwxr-xr-x");
        chown(file, "nobody");
        assertThat(safety.check(file.toString(), ROOT, false)).contains(file + " is owned by uid 65534, not root");

        chown(file, "root");
        chown(scripts, "nobody");
        assertThat(safety.check(file.toString(), ROOT, false)).contains(scripts + " is owned by uid 65534, not root");
    }

    @Test
    void anUnprivilegedUserMayRunAScriptOthersCanChange() throws IOException {
        Path file = script(scripts, "rwxrwxrwx");

        assertThat(safety.check(file.toString(), NOBODY, false)).isEmpty();
    }

    @Test
    void aSetUserIdRootScriptIsCheckedWhoeverRunsIt() throws IOException {
        Path file = script(scripts, "rwxr-xrwx");
        Files.setAttribute(file, "unix:mode", 04757);

        assertThat(safety.check(file.toString(), NOBODY, false)).contains(file + " is writable by every user");
    }

    @Test
    void aLinkIsFollowedToTheFileThatRuns() throws IOException {
        Path open = Files.createDirectory(temp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path target = script(open, "rwxr-xr-x");
        Path link = Files.createSymbolicLink(scripts.resolve("check"), target);

        assertThat(safety.check(link.toString(), ROOT, false)).contains(open + " is writable by every user");
    }

    @Test
    void withUseSymlinkPathsTheLinksOwnPathIsCheckedToo() throws IOException {
        Path target = script(scripts, "rwxr-xr-x");
        Path open = Files.createDirectory(temp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path link = Files.createSymbolicLink(open.resolve("check"), target);

        assertThat(safety.check(link.toString(), ROOT, false)).isEmpty();
        assertThat(safety.check(link.toString(), ROOT, true)).contains(open + " is writable by every user");
    }

    @Test
    void aMissingProgramIsUnsafe() {
        Path missing = scripts.resolve("missing.sh");

        assertThat(safety.check(missing.toString(), ROOT, false)).contains(missing + " does not exist");
        assertThat(safety.check(missing.toString(), NOBODY, false)).contains(missing + " does not exist");
    }

    @Test
    void aProgramItsUserCannotExecuteIsUnsafe() throws IOException {
        Path file = script(scripts, "rwxr--r--");

        assertThat(safety.check(file.toString(), ROOT, false)).isEmpty();
        assertThat(safety.check(file.toString(), NOBODY, false)).contains(file + " is not executable by " + NOBODY);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(safety.check(file.toString(), ROOT, false)).contains(file + " is not executable by " + ROOT);
    }

    @Test
    void aRelativePathIsUnsafeAndABareNameIsSearchedInPath() throws IOException {
        script(scripts, "rwxr-xr-x");

        assertThat(safety.check("./check.sh", ROOT, false)).contains("./check.sh is not an absolute path");
        assertThat(safety.check("check.sh", ROOT, false)).contains("check.sh is not found in PATH /nonexistent");
        assertThat(new ScriptSafety("/nonexistent:" + scripts).check("check.sh", ROOT, false)).isEmpty();
    }
}
