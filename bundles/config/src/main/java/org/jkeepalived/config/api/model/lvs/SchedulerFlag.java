package org.jkeepalived.config.api.model.lvs;

/** The scheduler flags of a virtual server (ipvsadm -b). sh-* and mh-* are other names of the flag-N bits. */
public enum SchedulerFlag {
    /** flag-1 (sh-fallback, mh-fallback). */
    FLAG_1,
    /** flag-2 (sh-port, mh-port). */
    FLAG_2,
    /** flag-3. */
    FLAG_3
}
