package org.jkeepalived.config.api.model.vrrp;

import java.time.Duration;

import org.jkeepalived.config.api.model.Script;

/**
 * vrrp_script: a script run periodically whose exit status the instances that track it follow.
 *
 * @param name the name track_script refers to
 * @param script script: the command
 * @param interval interval: time between runs (default 1 s)
 * @param timeout timeout: a run that takes longer fails (default the interval)
 * @param weight weight: the default weight of track_script entries, -253 to 253 (default 0: FAULT on failure)
 * @param reverse weight ... reverse: the weight applies the other way round
 * @param rise rise: successes in a row before the script is up (default 1)
 * @param fall fall: failures in a row before the script is down (default 1)
 * @param initFail init_fail: the script starts as down
 */
public record VrrpScript(String name, Script script, Duration interval, Duration timeout, int weight, boolean reverse,
        int rise, int fall, boolean initFail) {
}
