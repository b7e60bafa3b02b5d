package org.jkeepalived.core.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ListenerThreadsTest {

    /** A listener that records what it is told, on which thread. */
    private static final class Recorder {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        void told(String event) {
            events.add(event);
            threads.add(Thread.currentThread().getName());
        }
    }

    @Test
    void aLateListenerIsToldTheStateThenEveryLaterEventInOrder() {
        List<String> state = new ArrayList<>();
        try (ListenerThreads<Recorder, String> listeners = new ListenerThreads<>("test-listener", Recorder::told)) {
            listeners.publish(() -> state.add("a"), "a");
            Recorder late = new Recorder();
            listeners.add(late, () -> List.copyOf(state));
            for (int i = 0; i < 100; i++) {
                String event = "e" + i;
                listeners.publish(() -> state.add(event), event);
            }
            await().atMost(10, TimeUnit.SECONDS).until(() -> late.events.size() == 101);
            assertThat(late.events).isEqualTo(state);
            assertThat(late.threads).allMatch(name -> name.startsWith("test-listener-"))
                    .allMatch(name -> name.equals(late.threads.get(0)));
        }
    }

    @Test
    void aBlockedListenerDelaysOnlyItself() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Recorder fast = new Recorder();
        try (ListenerThreads<Object, String> listeners = new ListenerThreads<>("test-listener", (listener, event) -> {
            if (listener == fast) {
                fast.told(event);
            } else {
                awaitQuietly(release);
            }
        })) {
            listeners.add(new Object(), List::of);
            listeners.add(fast, List::of);
            listeners.publish("one");
            listeners.publish("two");
            await().atMost(10, TimeUnit.SECONDS).until(() -> fast.events.size() == 2);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aListenerThatThrowsKeepsBeingTold() {
        Recorder recorder = new Recorder();
        try (ListenerThreads<Recorder, String> listeners = new ListenerThreads<>("test-listener", (listener, event) -> {
            listener.told(event);
            if (event.equals("bad")) {
                throw new IllegalStateException("listener bug");
            }
        })) {
            listeners.add(recorder, List::of);
            listeners.publish("bad");
            listeners.publish("good");
            await().atMost(10, TimeUnit.SECONDS).until(() -> recorder.events.equals(List.of("bad", "good")));
        }
    }

    @Test
    void aRemovedListenerIsToldNothingMore() throws InterruptedException {
        Recorder recorder = new Recorder();
        try (ListenerThreads<Recorder, String> listeners = new ListenerThreads<>("test-listener", Recorder::told)) {
            listeners.add(recorder, List::of);
            listeners.publish("before");
            await().atMost(10, TimeUnit.SECONDS).until(() -> recorder.events.size() == 1);
            listeners.remove(recorder);
            listeners.publish("after");
            Thread.sleep(200);
            assertThat(recorder.events).containsExactly("before");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void closingWithAGraceTellsWhatWasPublishedBeforeAndGivesUpOnAListenerThatHangs() {
        CountDownLatch never = new CountDownLatch(1);
        Recorder slow = new Recorder();
        Object hung = new Object();
        ListenerThreads<Object, String> listeners = new ListenerThreads<>("test-listener", (listener, event) -> {
            if (listener == hung) {
                awaitQuietly(never);
            } else {
                sleepQuietly(20);
                slow.told(event);
            }
        });
        listeners.add(slow, List::of);
        listeners.add(hung, List::of);
        for (int i = 0; i < 10; i++) {
            listeners.publish("e" + i);
        }
        long start = System.nanoTime();
        listeners.close(Duration.ofSeconds(3));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(slow.events).hasSize(10);
        // the hung listener holds close up for the grace, not longer
        assertThat(tookMillis).isBetween(2_000L, 8_000L);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
