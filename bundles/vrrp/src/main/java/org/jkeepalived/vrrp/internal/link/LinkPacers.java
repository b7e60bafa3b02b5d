package org.jkeepalived.vrrp.internal.link;

/**
 * The pacers of one interface, shared by the instances that announce on it.
 *
 * @param arp spaces its gratuitous ARPs
 * @param neighbourAdvert spaces its unsolicited neighbour advertisements
 */
public record LinkPacers(AnnouncementPacer arp, AnnouncementPacer neighbourAdvert) {
}
