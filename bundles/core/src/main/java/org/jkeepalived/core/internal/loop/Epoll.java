package org.jkeepalived.core.internal.loop;

import com.sun.jna.Memory;
import com.sun.jna.Platform;

import org.jkeepalived.core.api.linux.LinuxLibc;

/**
 * An epoll instance and its event buffers. {@code struct epoll_event} is packed (12 bytes) on x86-64
 * and naturally aligned (16 bytes) elsewhere; the offsets below follow the platform.
 */
final class Epoll implements AutoCloseable {

    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLL_CTL_DEL = 2;
    private static final int EPOLL_CTL_MOD = 3;

    private static final boolean PACKED = Platform.isIntel() && Platform.is64Bit();
    private static final int EVENT_SIZE = PACKED ? 12 : 16;
    private static final int DATA_OFFSET = PACKED ? 4 : 8;

    private final int fd;
    private final int capacity;
    private final Memory ready;
    private final Memory control = new Memory(EVENT_SIZE);

    Epoll(int capacity) {
        this.fd = LinuxLibc.epoll_create1(LinuxLibc.O_CLOEXEC);
        this.capacity = capacity;
        this.ready = new Memory((long) EVENT_SIZE * capacity);
    }

    void add(int target, int events, long data) {
        control(EPOLL_CTL_ADD, target, events, data);
    }

    void modify(int target, int events, long data) {
        control(EPOLL_CTL_MOD, target, events, data);
    }

    void remove(int target) {
        control(EPOLL_CTL_DEL, target, 0, 0);
    }

    private void control(int op, int target, int events, long data) {
        control.setInt(0, events);
        control.setLong(DATA_OFFSET, data);
        LinuxLibc.epoll_ctl(fd, op, target, control);
    }

    /**
     * @param timeoutMillis -1 to block until something is ready, 0 to poll
     * @return how many events are ready; read them with {@link #events} and {@link #data}
     */
    int await(int timeoutMillis) {
        return LinuxLibc.epoll_wait(fd, ready, capacity, timeoutMillis);
    }

    int events(int index) {
        return ready.getInt((long) index * EVENT_SIZE);
    }

    long data(int index) {
        return ready.getLong((long) index * EVENT_SIZE + DATA_OFFSET);
    }

    @Override
    public void close() {
        LinuxLibc.close(fd);
        ready.close();
        control.close();
    }
}
