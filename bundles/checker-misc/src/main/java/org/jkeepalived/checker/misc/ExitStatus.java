package org.jkeepalived.checker.misc;

import org.jkeepalived.checker.api.CheckOutcome;

/**
 * What a MISC_CHECK program's exit status means (keepalived.conf(5)): 0 is up, 1 is down, and with
 * {@code misc_dynamic} 2 to 255 are up with the weight set to the status less 2. Without
 * {@code misc_dynamic}, any status but 0 is down.
 */
final class ExitStatus {

    private ExitStatus() {
    }

    /**
     * @param status the exit status, 0 to 255
     * @param dynamic whether misc_dynamic is set
     * @return the outcome
     */
    static CheckOutcome outcome(int status, boolean dynamic) {
        if (status == 0) {
            return CheckOutcome.up("exited with status 0");
        }
        if (dynamic && status >= 2 && status <= 255) {
            return CheckOutcome.up("exited with status " + status).withWeight(status - 2);
        }
        return CheckOutcome.down("exited with status " + status);
    }
}
