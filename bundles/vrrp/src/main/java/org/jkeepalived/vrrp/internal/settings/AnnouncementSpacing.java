package org.jkeepalived.vrrp.internal.settings;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jkeepalived.config.api.model.vrrp.GarpGroup;

/**
 * How far apart the announcements of each interface go, whichever instances send them: the
 * interfaces of a garp_group share one pacer and the group's intervals; any other interface has a
 * pacer of its own and vrrp_garp_interval and vrrp_gna_interval.
 *
 * @param ungrouped the intervals of an interface in no garp_group
 * @param groups the garp_groups, by each of their interfaces
 */
public record AnnouncementSpacing(AnnouncementIntervals ungrouped, Map<String, Group> groups) {

    /** keepalived's default: no spacing. */
    public static final AnnouncementSpacing NONE = new AnnouncementSpacing(AnnouncementIntervals.NONE, Map.of());

    /**
     * A garp_group.
     *
     * @param pacer the name of the pacer its interfaces share
     * @param intervals its intervals
     */
    public record Group(String pacer, AnnouncementIntervals intervals) {
    }

    public AnnouncementSpacing {
        groups = Map.copyOf(groups);
    }

    /**
     * @param garpInterval vrrp_garp_interval
     * @param gnaInterval vrrp_gna_interval
     * @param garpGroups the garp_groups, in the configuration's order
     * @return the spacing they give
     */
    public static AnnouncementSpacing of(Duration garpInterval, Duration gnaInterval, List<GarpGroup> garpGroups) {
        Map<String, Group> groups = new HashMap<>();
        for (int i = 0; i < garpGroups.size(); i++) {
            GarpGroup garpGroup = garpGroups.get(i);
            // interface names have no spaces, so no interface's own pacer has a group's name
            Group group = new Group("garp_group " + (i + 1),
                    new AnnouncementIntervals(garpGroup.garpInterval(), garpGroup.gnaInterval()));
            garpGroup.interfaces().forEach(name -> groups.put(name, group));
        }
        return new AnnouncementSpacing(new AnnouncementIntervals(garpInterval, gnaInterval), groups);
    }

    /**
     * @param interfaceName an interface
     * @return the name of the pacer of its announcements: its garp_group's, or its own
     */
    public String pacer(String interfaceName) {
        Group group = groups.get(interfaceName);
        return group != null ? group.pacer() : interfaceName;
    }

    /**
     * @param interfaceName an interface
     * @return the intervals of its announcements
     */
    public AnnouncementIntervals intervals(String interfaceName) {
        Group group = groups.get(interfaceName);
        return group != null ? group.intervals() : ungrouped;
    }
}
