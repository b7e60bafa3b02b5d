package org.jkeepalived.ipvs.internal.kernel;

import static org.jkeepalived.ipvs.internal.kernel.IpvsNetlink.*;

import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.ipvs.api.DataPlaneException;
import org.jkeepalived.ipvs.api.DataPlaneException.Reason;
import org.jkeepalived.netlink.api.NetlinkException;

/**
 * What the errno of a refused IPVS command means: the same errno says different things of different
 * commands ({@code ENOENT} is a missing destination to {@code SET_DEST}, a missing scheduler module
 * to {@code NEW_SERVICE}), as the kernel's {@code ip_vs_ctl.c} returns them.
 */
final class IpvsErrors {

    private IpvsErrors() {
    }

    /**
     * @param command the IPVS command refused
     * @param operation what was asked, naming its object, for example {@code add service TCP 192.0.2.1:80 rr}
     * @param error the kernel's refusal
     * @param scheduler the scheduler the command names, or {@code null}
     * @return the refusal in the data plane's terms, with the errno and the kernel's own explanation
     */
    static DataPlaneException refused(int command, String operation, NetlinkException error, String scheduler) {
        int errno = error.errno();
        Reason reason = reason(command, errno);
        StringBuilder message = new StringBuilder("cannot ").append(operation).append(": ").append(Errno.describe(errno));
        String meaning = meaning(command, reason, errno, scheduler);
        if (meaning != null) {
            message.append(": ").append(meaning);
        }
        if (error.kernelMessage() != null && !error.kernelMessage().isEmpty()) {
            message.append(" (kernel: ").append(error.kernelMessage()).append(')');
        }
        return new DataPlaneException(reason, message.toString(), error);
    }

    static Reason reason(int command, int errno) {
        boolean daemon = command == CMD_NEW_DAEMON || command == CMD_DEL_DAEMON;
        switch (errno) {
            case Errno.EEXIST:
                return daemon ? Reason.SYNC_DAEMON_EXISTS : command == CMD_NEW_DEST ? Reason.DESTINATION_EXISTS : Reason.SERVICE_EXISTS;
            case Errno.ESRCH:
                return daemon ? Reason.NO_SUCH_SYNC_DAEMON : Reason.NO_SUCH_SERVICE;
            case Errno.ENOENT:
                if (command == CMD_SET_DEST || command == CMD_DEL_DEST) {
                    return Reason.NO_SUCH_DESTINATION;
                }
                // ip_vs_scheduler_get() and ip_vs_pe_getbyname() found no module of that name.
                return command == CMD_NEW_SERVICE || command == CMD_SET_SERVICE ? Reason.UNSUPPORTED : Reason.FAILED;
            case Errno.EOPNOTSUPP:
            case Errno.EAFNOSUPPORT:
            case Errno.EPROTONOSUPPORT:
                return Reason.UNSUPPORTED;
            default:
                return Reason.FAILED;
        }
    }

    private static String meaning(int command, Reason reason, int errno, String scheduler) {
        switch (reason) {
            case SERVICE_EXISTS: return "the service exists already";
            case DESTINATION_EXISTS: return "the service has this destination already";
            case NO_SUCH_SERVICE: return "no such service";
            case NO_SUCH_DESTINATION: return "the service has no such destination";
            case SYNC_DAEMON_EXISTS: return "a sync daemon of this role runs already";
            case NO_SUCH_SYNC_DAEMON: return "no sync daemon of this role runs";
            case UNSUPPORTED:
                return errno == Errno.ENOENT && scheduler != null
                        ? "the kernel has no scheduler " + scheduler + " (its module is ip_vs_" + scheduler + ")"
                        : "the kernel's IPVS cannot do this";
            default:
                break;
        }
        switch (errno) {
            case Errno.EINVAL: return "the kernel refused the arguments";
            case Errno.EPERM: return "not permitted: needs CAP_NET_ADMIN";
            case Errno.ENODEV: return command == CMD_NEW_DAEMON ? "no such interface" : null;
            case Errno.ETIMEDOUT: return "the kernel did not answer in time";
            default: return null;
        }
    }
}
