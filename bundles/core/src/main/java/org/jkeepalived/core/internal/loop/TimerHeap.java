package org.jkeepalived.core.internal.loop;

import java.util.Arrays;

/**
 * A binary min-heap of timers ordered by deadline, then by arming order. Each timer knows its own
 * index, so re-arming or cancelling one is O(log n) and allocates nothing.
 */
final class TimerHeap {

    private LoopTimerNode[] heap = new LoopTimerNode[64];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    LoopTimerNode peek() {
        return size == 0 ? null : heap[0];
    }

    void add(LoopTimerNode node) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        node.heapIndex = size;
        heap[size++] = node;
        siftUp(node.heapIndex);
    }

    LoopTimerNode poll() {
        LoopTimerNode first = heap[0];
        remove(first);
        return first;
    }

    void remove(LoopTimerNode node) {
        int index = node.heapIndex;
        LoopTimerNode last = heap[--size];
        heap[size] = null;
        node.heapIndex = -1;
        if (last != node) {
            heap[index] = last;
            last.heapIndex = index;
            siftDown(index);
            siftUp(last.heapIndex);
        }
    }

    private void siftUp(int index) {
        LoopTimerNode node = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!before(node, heap[parent])) {
                break;
            }
            place(heap[parent], index);
            index = parent;
        }
        place(node, index);
    }

    private void siftDown(int index) {
        LoopTimerNode node = heap[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], node)) {
                break;
            }
            place(heap[child], index);
            index = child;
        }
        place(node, index);
    }

    private void place(LoopTimerNode node, int index) {
        heap[index] = node;
        node.heapIndex = index;
    }

    /** Deadlines compare by difference, as {@link System#nanoTime()} values must. */
    private static boolean before(LoopTimerNode a, LoopTimerNode b) {
        long byDeadline = a.deadline - b.deadline;
        return byDeadline < 0 || (byDeadline == 0 && a.sequence < b.sequence);
    }
}
