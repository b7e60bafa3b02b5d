package org.jkeepalived.config.api.model.vrrp;

/**
 * A file of track_file: {@code NAME [weight W] [reverse|noreverse]}, with the track_file block's
 * weight and direction where the entry gives none.
 *
 * @param name the track_file block
 * @param weight -254 to 254; 0 means FAULT while the file holds a non-zero value
 * @param reverse the weight applies the other way round
 */
public record TrackedFile(String name, int weight, boolean reverse) {
}
