package org.jkeepalived.ipvs.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The schedulers against what the kernel's own IPVS chose (kernel-scheduler-vectors.txt, made by
 * src/test/kernel/scheduler-vectors.sh under a real kernel): each service had real servers
 * 198.51.100.1, .2 and .3 added in that order with weights 1, 2 and 3, and the wrr one then had .1
 * set to weight 4.
 */
class KernelVectorsTest {

    private record Vector(int port, String client, int clientPort, String destination) {
    }

    @ParameterizedTest(name = "{0} on port {1}")
    @CsvSource({
        "sh, 80",
        "mh, 81",
        "sh-port, 82",
        "mh-port, 83",
        "rr, 84",
        "wrr, 85"})
    void theSchedulerChoosesAsTheKernelDid(String scheduler, int port) throws IOException {
        SchedulingAlgorithm algorithm = switch (scheduler) {
            case "sh" -> new SourceHashing(false, false);
            case "mh" -> new MaglevHashing(false, false);
            case "sh-port" -> new SourceHashing(false, true);
            case "mh-port" -> new MaglevHashing(false, true);
            case "rr" -> new RoundRobin();
            case "wrr" -> new WeightedRoundRobin();
            default -> throw new IllegalArgumentException(scheduler);
        };
        List<TestDestination> list = new ArrayList<>();
        for (int server = 1; server <= 3; server++) {
            list.add(0, new TestDestination("198.51.100." + server, "198.51.100." + server, port, server));
            algorithm.destinationsChanged(list);
        }
        if (scheduler.equals("wrr")) {
            list.get(2).weight(4);
            algorithm.destinationsChanged(list);
        }

        List<Vector> vectors = vectors(port);
        assertThat(vectors).hasSizeGreaterThan(10);
        List<String> expected = new ArrayList<>();
        List<String> chosen = new ArrayList<>();
        for (Vector vector : vectors) {
            expected.add(vector.client() + ":" + vector.clientPort() + " " + vector.destination());
            chosen.add(vector.client() + ":" + vector.clientPort() + " "
                    + algorithm.schedule(list, SchedulersTest.flow(vector.client(), vector.clientPort())));
        }
        assertThat(chosen).containsExactlyElementsOf(expected);
    }

    private static List<Vector> vectors(int port) throws IOException {
        try (InputStream in = KernelVectorsTest.class.getResourceAsStream("kernel-scheduler-vectors.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split(" "))
                    .map(fields -> new Vector(Integer.parseInt(fields[0]), fields[1], Integer.parseInt(fields[2]), fields[3]))
                    .filter(vector -> vector.port() == port)
                    .toList();
        }
    }
}
