package org.jkeepalived.config.api.model.vrrp;

/**
 * A process of track_process: {@code NAME [weight W] [reverse|noreverse]}, with the
 * vrrp_track_process's weight and direction where the entry gives none.
 *
 * @param name the vrrp_track_process
 * @param weight -254 to 254; 0 means FAULT while the process is down
 * @param reverse the weight applies the other way round
 */
public record TrackedProcess(String name, int weight, boolean reverse) {
}
