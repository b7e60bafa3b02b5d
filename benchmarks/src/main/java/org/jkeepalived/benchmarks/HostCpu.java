package org.jkeepalived.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples the host's CPU time from {@code /proc/stat} four times a second, so that a late advert can
 * be matched with what the CPUs did meanwhile: busy with work, or taken by the hypervisor (steal).
 */
final class HostCpu implements AutoCloseable {

    private static final long PERIOD_MILLIS = 250;

    /** Jiffies since boot at {@code atMillis} (epoch ms). */
    private record Sample(long atMillis, long busy, long steal, long total) {
    }

    /** Shares of the CPUs' time over a stretch, from 0 to 1. */
    record Share(double busy, double steal) {

        @Override
        public String toString() {
            return String.format("host CPUs %.0f%% busy, %.0f%% stolen", busy * 100, steal * 100);
        }
    }

    private final List<Sample> samples = new ArrayList<>();
    private final Thread sampler = new Thread(this::sample, "host-cpu");

    private HostCpu() {
    }

    static HostCpu start() {
        HostCpu cpu = new HostCpu();
        cpu.sampler.setDaemon(true);
        cpu.sampler.start();
        return cpu;
    }

    /** @return the shares over the samples around {@code fromMillis} to {@code toMillis} */
    Share share(long fromMillis, long toMillis) {
        synchronized (samples) {
            Sample first = null;
            Sample last = null;
            for (Sample sample : samples) {
                if (sample.atMillis <= fromMillis || first == null) {
                    first = sample;
                }
                last = sample;
                if (sample.atMillis >= toMillis) {
                    break;
                }
            }
            long total = last == null ? 0 : last.total - first.total;
            return total == 0 ? new Share(Double.NaN, Double.NaN)
                    : new Share((double) (last.busy - first.busy) / total, (double) (last.steal - first.steal) / total);
        }
    }

    @Override
    public void close() throws InterruptedException {
        sampler.interrupt();
        sampler.join();
    }

    private void sample() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Sample sample = read();
                synchronized (samples) {
                    samples.add(sample);
                }
                Thread.sleep(PERIOD_MILLIS);
            }
        } catch (InterruptedException stopped) {
            // closed
        }
    }

    /** The first line of /proc/stat: cpu user nice system idle iowait irq softirq steal ... */
    private static Sample read() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            long steal = Long.parseLong(fields[8]);
            long total = 0;
            for (int field = 1; field <= 8; field++) {
                total += Long.parseLong(fields[field]);
            }
            return new Sample(System.currentTimeMillis(), total - idle - steal, steal, total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
