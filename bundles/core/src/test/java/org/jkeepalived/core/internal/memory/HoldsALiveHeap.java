package org.jkeepalived.core.internal.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * Under ZGC, with the component active: keeps a live heap of the megabytes given (first argument),
 * collects three times, each after allocating the megabytes of garbage given (second argument), and
 * prints the soft limit in bytes on a line of its own.
 */
public final class HoldsALiveHeap {

    static final String RESULT = "soft limit: ";

    private HoldsALiveHeap() {
    }

    public static void main(String[] args) throws Exception {
        SoftHeapLimitComponent component = new SoftHeapLimitComponent();
        component.activate();
        List<byte[]> live = new ArrayList<>();
        // small objects, as a configuration's are: ZGC counts whole pages in use, of 2 MB for those
        for (int kilobyte = 0; kilobyte < Integer.parseInt(args[0]) * 1024; kilobyte++) {
            live.add(new byte[1000]);
        }
        long garbage = 0;
        for (int collection = 0; collection < 3; collection++) {
            for (int megabyte = 0; megabyte < Integer.parseInt(args[1]); megabyte++) {
                garbage += new byte[1 << 20].length;
            }
            System.gc();
            // the notification of the collection comes on the JVM's notification thread
            Thread.sleep(200);
        }
        component.deactivate();
        System.out.println(live.size() / 1024 + " MB live, " + (garbage >> 20) + " MB garbage");
        System.out.println(RESULT + SoftHeapLimitComponent.option());
    }
}
