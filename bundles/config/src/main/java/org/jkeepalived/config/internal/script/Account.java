package org.jkeepalived.config.internal.script;

/**
 * A user that a script runs as, with the group it runs in.
 *
 * @param name the user's name, as keepalived.conf gives it
 * @param uid the user's id
 * @param gid the id of the group the script runs in
 */
public record Account(String name, int uid, int gid) {

    /** @return whether the script has root's powers: root's user or root's group */
    public boolean privileged() {
        return uid == 0 || gid == 0;
    }

    @Override
    public String toString() {
        return name + " (" + uid + ":" + gid + ")";
    }
}
