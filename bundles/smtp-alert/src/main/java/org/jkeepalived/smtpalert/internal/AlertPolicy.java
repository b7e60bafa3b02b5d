package org.jkeepalived.smtpalert.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.lvs.RealServer;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.config.api.model.vrrp.VrrpInstance;
import org.jkeepalived.config.api.model.vrrp.VrrpSyncGroup;
import org.jkeepalived.healthcheck.api.HealthEvent;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.api.VrrpTransition;

/**
 * Which changes one configuration mails about: the smtp_alert of each vrrp_instance,
 * vrrp_sync_group and real_server (the model has the global defaults applied already), no_email_faults,
 * and whether mail is set up at all.
 *
 * @param routerId router_id, which starts every subject
 * @param mail where mail goes; empty when it goes nowhere
 * @param instances the vrrp_instances whose smtp_alert is on
 * @param syncGroups the vrrp_sync_groups whose smtp_alert is on
 * @param realServers the real servers whose smtp_alert is on
 * @param noEmailFaults no_email_faults: nothing is mailed about entering FAULT
 */
record AlertPolicy(String routerId, Optional<MailSettings> mail, Set<String> instances, Set<String> syncGroups,
        Set<RealServerKey> realServers, boolean noEmailFaults) {

    AlertPolicy {
        instances = Set.copyOf(instances);
        syncGroups = Set.copyOf(syncGroups);
        realServers = Set.copyOf(realServers);
    }

    /**
     * @param config a configuration
     * @return what it mails about
     */
    static AlertPolicy of(KeepalivedConfig config) {
        Map<RealServerKey, Boolean> realServers = new HashMap<>();
        for (VirtualServer virtualServer : config.virtualServers()) {
            for (RealServer realServer : virtualServer.realServers()) {
                realServers.put(RealServerKey.of(virtualServer, realServer), realServer.smtpAlert());
            }
        }
        return new AlertPolicy(config.globalDefs().routerId(), MailSettings.of(config.globalDefs().notification()),
                config.vrrpInstances().stream().filter(VrrpInstance::smtpAlert).map(VrrpInstance::name)
                        .collect(Collectors.toSet()),
                config.syncGroups().stream().filter(VrrpSyncGroup::smtpAlert).map(VrrpSyncGroup::name)
                        .collect(Collectors.toSet()),
                realServers.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                        .collect(Collectors.toSet()),
                config.globalDefs().notification().noEmailFaults());
    }

    /**
     * @param transition a change of state
     * @return whether it is mailed
     */
    boolean mails(VrrpTransition transition) {
        if (mail.isEmpty() || noEmailFaults && transition.current() == VrrpState.FAULT) {
            return false;
        }
        return switch (transition.scope()) {
            case INSTANCE -> instances.contains(transition.name());
            case SYNC_GROUP -> syncGroups.contains(transition.name());
        };
    }

    /**
     * @param event a change of health
     * @return whether it is mailed
     */
    boolean mails(HealthEvent event) {
        return mail.isPresent() && realServers.contains(event.key());
    }
}
