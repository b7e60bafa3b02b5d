package org.jkeepalived.benchmarks;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jkeepalived.core.api.loop.EventLoop;
import org.jkeepalived.core.api.loop.LoopTimer;
import org.jkeepalived.core.internal.loop.EventLoopsComponent;

/**
 * How late the event loop's timers fire against their absolute deadlines, for a periodic job like
 * VRRP's advert timer, idle and with every core kept busy by other threads; the JDK's
 * {@link java.util.concurrent.ScheduledThreadPoolExecutor} is measured the same way, in the same
 * run, as the baseline.
 *
 * <p>Run: {@code mvn -q install -DskipTests && mvn -q -pl benchmarks exec:exec@timer-lateness}
 * (optionally {@code -Dseconds=N} per scenario).
 */
public final class TimerLateness {

    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private TimerLateness() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("seconds", 10);
        int samples = (int) (TimeUnit.SECONDS.toNanos(seconds) / PERIOD_NANOS);
        EventLoopsComponent loops = new EventLoopsComponent();
        ScheduledExecutorService jdk = Executors.newSingleThreadScheduledExecutor();
        System.out.printf("timer lateness, 1 ms period, %d samples per scenario, %d CPUs%n", samples,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-28s %10s %10s %10s %10s%n", "scenario", "p50 us", "p99 us", "p99.9 us", "max us");
        try {
            // Warm-up, not reported.
            measureLoop(loops, samples / 4);
            for (String load : new String[] {"idle", "2 busy threads"}) {
                boolean loaded = load.startsWith("2");
                AtomicBoolean busy = new AtomicBoolean(loaded);
                Thread[] hogs = startHogs(loaded ? 2 : 0, busy);
                report("event loop, " + load, measureLoop(loops, samples));
                report("JDK scheduler, " + load, measureJdk(jdk, samples));
                busy.set(false);
                for (Thread hog : hogs) {
                    hog.join();
                }
            }
        } finally {
            jdk.shutdownNow();
        }
    }

    private static long[] measureLoop(EventLoopsComponent loops, int samples) throws InterruptedException {
        long[] lateness = new long[samples];
        CountDownLatch done = new CountDownLatch(1);
        try (EventLoop loop = loops.open("lateness")) {
            LoopTimer[] timer = new LoopTimer[1];
            int[] count = new int[1];
            timer[0] = loop.newTimer(() -> {
                lateness[count[0]] = System.nanoTime() - timer[0].deadline();
                if (++count[0] == samples) {
                    done.countDown();
                } else {
                    timer[0].scheduleAt(timer[0].deadline() + PERIOD_NANOS);
                }
            });
            timer[0].scheduleAfter(PERIOD_NANOS);
            done.await();
        }
        return lateness;
    }

    /** The same periodic job on the JDK's scheduler, re-armed at the same absolute deadlines. */
    private static long[] measureJdk(ScheduledExecutorService jdk, int samples) throws InterruptedException {
        long[] lateness = new long[samples];
        CountDownLatch done = new CountDownLatch(1);
        long[] deadline = {System.nanoTime() + PERIOD_NANOS};
        int[] count = new int[1];
        Runnable[] job = new Runnable[1];
        job[0] = () -> {
            lateness[count[0]] = System.nanoTime() - deadline[0];
            if (++count[0] == samples) {
                done.countDown();
            } else {
                deadline[0] += PERIOD_NANOS;
                jdk.schedule(job[0], deadline[0] - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
        };
        jdk.schedule(job[0], deadline[0] - System.nanoTime(), TimeUnit.NANOSECONDS);
        done.await();
        return lateness;
    }

    private static Thread[] startHogs(int count, AtomicBoolean busy) {
        Thread[] hogs = new Thread[count];
        for (int i = 0; i < count; i++) {
            hogs[i] = new Thread(() -> {
                long sink = 0;
                while (busy.get()) {
                    sink += System.nanoTime() & 1;
                }
                if (sink == 42) {
                    System.out.print("");
                }
            }, "cpu-hog-" + i);
            hogs[i].start();
        }
        return hogs;
    }

    private static void report(String scenario, long[] lateness) {
        long[] sorted = lateness.clone();
        Arrays.sort(sorted);
        System.out.printf("%-28s %10.1f %10.1f %10.1f %10.1f%n", scenario,
                micros(percentile(sorted, 50)), micros(percentile(sorted, 99)),
                micros(percentile(sorted, 99.9)), micros(sorted[sorted.length - 1]));
    }

    private static long percentile(long[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
