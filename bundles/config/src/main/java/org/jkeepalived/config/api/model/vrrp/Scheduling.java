package org.jkeepalived.config.api.model.vrrp;

/**
 * How the kernel schedules the thread that sends and receives the adverts: keepalived's settings of
 * its VRRP process, which in jkeepalived apply to the VRRP loop's thread alone.
 *
 * @param niceness vrrp_priority, from -20 (first) to 19 (last); 0 by default
 * @param realtimePriority vrrp_rt_priority, from 1 to 99: the thread runs under SCHED_RR at that
 *        priority, ahead of every thread that is not real-time; 0, the default, leaves it to the
 *        ordinary scheduler
 */
public record Scheduling(int niceness, int realtimePriority) {

    /** keepalived's defaults: the ordinary scheduler, niceness 0. */
    public static final Scheduling DEFAULT = new Scheduling(0, 0);

    public Scheduling {
        if (niceness < -20 || niceness > 19) {
            throw new IllegalArgumentException("niceness out of -20..19: " + niceness);
        }
        if (realtimePriority < 0 || realtimePriority > 99) {
            throw new IllegalArgumentException("real-time priority out of 0..99: " + realtimePriority);
        }
    }

    /** @return whether the thread runs under SCHED_RR */
    public boolean realtime() {
        return realtimePriority > 0;
    }
}
