package org.jkeepalived.core.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFilesTest {

    @TempDir
    Path directory;

    @Test
    void pidFilesAreWrittenWholeAndRemovedOnStop() throws Exception {
        Path parent = directory.resolve("keepalived.pid");
        Path vrrp = directory.resolve("run/ns1/keepalived_vrrp.pid");
        PidFiles pidFiles = new PidFiles(List.of(parent, vrrp), 4242);

        pidFiles.write();

        assertThat(parent).hasContent("4242");
        assertThat(Files.readString(vrrp)).isEqualTo("4242\n");
        assertThat(directory).isDirectoryNotContaining(path -> path.toString().endsWith(".tmp"));

        pidFiles.remove();

        assertThat(parent).doesNotExist();
        assertThat(vrrp).doesNotExist();
    }

    @Test
    void aPidFileTakenOverByAnotherProcessIsLeftInPlace() throws Exception {
        Path file = directory.resolve("keepalived.pid");
        PidFiles pidFiles = new PidFiles(List.of(file), 4242);
        pidFiles.write();
        Files.writeString(file, "5151\n");

        pidFiles.remove();

        assertThat(file).hasContent("5151");
    }

    @Test
    void anUnwritablePidFileDoesNotStopTheOthers() throws Exception {
        Path blocked = directory.resolve("not-a-directory");
        Files.writeString(blocked, "a file where a directory should be");
        Path good = directory.resolve("keepalived.pid");

        new PidFiles(List.of(blocked.resolve("keepalived.pid"), good), 4242).write();

        assertThat(good).hasContent("4242");
    }

    @Test
    void aFullDiskLeavesNoHalfWrittenPidFileAndTheOthersAreWritten() throws Exception {
        Path full = Files.createDirectory(directory.resolve("full"));
        run("mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", full.toString());
        try {
            Path stale = Files.writeString(full.resolve("keepalived.pid"), "3131\n");
            run("sh", "-c", "cat /dev/zero > " + full.resolve("filler") + " 2>/dev/null; true");
            Path good = directory.resolve("keepalived_vrrp.pid");

            new PidFiles(List.of(stale, good), 4242).write();

            assertThat(stale).as("the old pid file, untouched rather than cut").hasContent("3131");
            assertThat(full).isDirectoryNotContaining(path -> path.toString().endsWith(".tmp"));
            assertThat(good).hasContent("4242");
        } finally {
            run("umount", full.toString());
        }
    }

    @Test
    void theLaunchersPropertyListsTheFiles() {
        assertThat(PidFilesComponent.parse(" /run/a.pid,/run/b.pid ,/run/a.pid,")).containsExactly(
                Path.of("/run/a.pid"), Path.of("/run/b.pid"));
        assertThat(PidFilesComponent.parse(null)).isEmpty();
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }
}
