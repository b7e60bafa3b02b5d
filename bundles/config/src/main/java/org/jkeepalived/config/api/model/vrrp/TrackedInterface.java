package org.jkeepalived.config.api.model.vrrp;

/**
 * An interface of track_interface: {@code IF [weight W [reverse]]}.
 *
 * @param name the interface
 * @param weight -253 to 253; 0 means FAULT while the interface is down
 * @param reverse the weight applies when the interface is down instead of up
 */
public record TrackedInterface(String name, int weight, boolean reverse) {
}
