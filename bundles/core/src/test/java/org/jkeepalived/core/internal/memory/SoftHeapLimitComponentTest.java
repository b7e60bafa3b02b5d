package org.jkeepalived.core.internal.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The component in JVMs of their own, with ZGC and a soft limit of 128 MB (such a JVM on the test
 * class path alone keeps about 40 MB in use): {@link HoldsALiveHeap} keeps a live heap and
 * collects, and says the limit it ends with.
 */
class SoftHeapLimitComponentTest {

    private static final long MB = 1L << 20;

    @Test
    void aLiveHeapOfOneHundredAndFiftyMegabytesRaisesTheLimitToThreeTimesThatOrMore() throws Exception {
        // what a collection leaves in use counts what was allocated while it ran: the limit may be higher
        String output = run(150, 256);
        assertThat(limit(output)).as("soft limit in bytes, the maximum heap 1 GB, in:%n%s", output).isBetween(450 * MB, 1024 * MB);
    }

    @Test
    void aSmallLiveHeapLeavesTheLaunchersLimit() throws Exception {
        String output = run(8, 0);
        assertThat(limit(output)).as("soft limit in bytes, in:%n%s", output).isEqualTo(128 * MB);
    }

    @Test
    void underAnotherCollectorTheComponentDoesNothing() throws Exception {
        SoftHeapLimitComponent component = new SoftHeapLimitComponent();
        String before = SoftHeapLimitComponent.option();
        component.activate();
        System.gc();
        component.deactivate();
        assertThat(SoftHeapLimitComponent.option()).as("this test JVM's collector is not ZGC").isEqualTo(before);
    }

    /** @return what {@link HoldsALiveHeap} printed, and the JVM's collections */
    private static String run(int liveMegabytes, int garbageMegabytes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseZGC", "-Xmx1g", "-XX:SoftMaxHeapSize=128m", "-Xlog:gc", "-cp", System.getProperty("java.class.path"),
                HoldsALiveHeap.class.getName(), Integer.toString(liveMegabytes), Integer.toString(garbageMegabytes)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the JVM ends").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static long limit(String output) {
        return Long.parseLong(output.lines().filter(line -> line.startsWith(HoldsALiveHeap.RESULT)).findFirst()
                .orElseThrow(() -> new AssertionError("no soft limit in:\n" + output)).substring(HoldsALiveHeap.RESULT.length()));
    }
}
