package org.jkeepalived.netlink.internal.rtnetlink;

/** rtnetlink's message types and multicast groups (rtnetlink(7), {@code linux/rtnetlink.h}). */
public final class RtnetlinkProtocol {

    public static final int RTM_NEWLINK = 16;
    public static final int RTM_DELLINK = 17;
    public static final int RTM_GETLINK = 18;
    public static final int RTM_NEWADDR = 20;
    public static final int RTM_DELADDR = 21;
    public static final int RTM_GETADDR = 22;
    public static final int RTM_NEWROUTE = 24;
    public static final int RTM_DELROUTE = 25;
    public static final int RTM_GETROUTE = 26;
    public static final int RTM_NEWRULE = 32;
    public static final int RTM_DELRULE = 33;
    public static final int RTM_GETRULE = 34;

    /** Multicast groups as bind(2) takes them, one bit each. */
    public static final int RTMGRP_LINK = 0x1;
    public static final int RTMGRP_IPV4_IFADDR = 0x10;
    public static final int RTMGRP_IPV6_IFADDR = 0x100;

    /** {@code AF_UNSPEC}: every family, in a dump request. */
    public static final int AF_UNSPEC = 0;

    private RtnetlinkProtocol() {
    }
}
