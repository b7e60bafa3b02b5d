package org.jkeepalived.config.api.model.vrrp;

/**
 * A script of track_script: {@code NAME [weight W] [reverse|noreverse]}, with the vrrp_script's
 * weight and direction where the entry gives none.
 *
 * @param name the vrrp_script
 * @param weight -253 to 253; 0 means FAULT while the script is down
 * @param reverse the weight applies the other way round
 */
public record TrackedScript(String name, int weight, boolean reverse) {
}
