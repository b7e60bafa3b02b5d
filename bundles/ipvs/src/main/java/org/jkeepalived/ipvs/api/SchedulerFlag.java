package org.jkeepalived.ipvs.api;

/**
 * The scheduler flags of a service ({@code IP_VS_SVC_F_SCHED1..3}, ipvsadm {@code -b}). Their meaning
 * belongs to the scheduler: sh and mh read flag-1 as fallback and flag-2 as port.
 */
public enum SchedulerFlag {
    /** flag-1 ({@code IP_VS_SVC_F_SCHED1}). */
    FLAG_1(0x0008),
    /** flag-2 ({@code IP_VS_SVC_F_SCHED2}). */
    FLAG_2(0x0010),
    /** flag-3 ({@code IP_VS_SVC_F_SCHED3}). */
    FLAG_3(0x0020);

    /** sh-fallback and mh-fallback: a destination that is unavailable passes its clients on to the next in the table. */
    public static final SchedulerFlag FALLBACK = FLAG_1;
    /** sh-port and mh-port: the source port is hashed with the source address. */
    public static final SchedulerFlag PORT = FLAG_2;

    private final int bit;

    SchedulerFlag(int bit) {
        this.bit = bit;
    }

    /** @return its bit in {@code IPVS_SVC_ATTR_FLAGS} */
    public int bit() {
        return bit;
    }
}
