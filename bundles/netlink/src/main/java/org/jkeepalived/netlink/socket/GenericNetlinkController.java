package org.jkeepalived.netlink.socket;

import java.util.List;

import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.netlink.api.NetlinkException;
import org.jkeepalived.netlink.codec.GenericNetlink;
import org.jkeepalived.netlink.codec.GenericNetlinkFamily;
import org.jkeepalived.netlink.codec.NetlinkDecodeException;
import org.jkeepalived.netlink.codec.NetlinkMessage;

/** Asks generic netlink's controller about families, such as the id of IPVS. */
public final class GenericNetlinkController {

    private GenericNetlinkController() {
    }

    /**
     * @param socket a {@link NetlinkSocket#NETLINK_GENERIC} socket
     * @param name the family's name, for example {@code IPVS}
     * @return the family
     * @throws NetlinkException with {@code ENOENT} if the kernel has no such family (its module is not loaded)
     */
    public static GenericNetlinkFamily family(NetlinkSocket socket, String name) {
        String operation = "resolve generic netlink family " + name;
        List<NetlinkMessage> replies = socket.request(GenericNetlink.getFamily(name), operation);
        if (replies.isEmpty()) {
            throw new NetlinkException(operation, Errno.ENOENT, null);
        }
        try {
            return GenericNetlink.decodeFamily(replies.get(0));
        } catch (NetlinkDecodeException e) {
            throw new NetlinkException(operation, Errno.EBADMSG, e.getMessage(), e);
        }
    }
}
