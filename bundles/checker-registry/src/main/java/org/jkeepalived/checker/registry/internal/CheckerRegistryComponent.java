package org.jkeepalived.checker.registry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.registry.api.CheckerRegistration;
import org.jkeepalived.checker.registry.api.CheckerRegistry;
import org.jkeepalived.checker.registry.api.CheckerRegistryListener;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks every {@link CheckerFactory} service. For each keyword the factory that precedes the others
 * serves; the rest stand by in precedence order.
 */
@Component(service = CheckerRegistry.class, immediate = true)
public final class CheckerRegistryComponent implements CheckerRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CheckerRegistryComponent.class);

    private final Object lock = new Object();
    /** Per keyword, the factories claiming it, in precedence order: the first one serves. */
    private final Map<String, List<Claim>> claims = new TreeMap<>();
    private final Map<Long, Claim> byServiceId = new HashMap<>();
    private final Set<CheckerRegistryListener> listeners = new CopyOnWriteArraySet<>();
    private final SerialDelivery delivery = new SerialDelivery();

    private record Claim(CheckerRegistration registration, CheckerFactory factory) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addFactory(CheckerFactory factory, ServiceReference<CheckerFactory> reference) {
        describe(factory, reference).ifPresent(registration -> add(factory, registration));
    }

    void removeFactory(CheckerFactory factory, ServiceReference<CheckerFactory> reference) {
        remove((Long) reference.getProperty(Constants.SERVICE_ID));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(CheckerRegistryListener listener) {
        synchronized (lock) {
            listeners.add(listener);
            for (List<Claim> keywordClaims : claims.values()) {
                CheckerRegistration serving = keywordClaims.get(0).registration();
                delivery.enqueue(() -> notifyIfListening(listener, true, serving));
            }
        }
        delivery.drain();
    }

    void removeListener(CheckerRegistryListener listener) {
        listeners.remove(listener);
    }

    @Override
    public Optional<CheckerFactory> factory(String keyword) {
        synchronized (lock) {
            return servingClaim(keyword).map(Claim::factory);
        }
    }

    @Override
    public Optional<CheckerRegistration> serving(String keyword) {
        synchronized (lock) {
            return servingClaim(keyword).map(Claim::registration);
        }
    }

    @Override
    public List<CheckerRegistration> registrations() {
        synchronized (lock) {
            List<CheckerRegistration> all = new ArrayList<>();
            claims.values().forEach(keywordClaims -> keywordClaims.forEach(claim -> all.add(claim.registration())));
            return all;
        }
    }

    void add(CheckerFactory factory, CheckerRegistration registration) {
        String keyword = registration.keyword();
        synchronized (lock) {
            List<Claim> keywordClaims = claims.computeIfAbsent(keyword, k -> new ArrayList<>());
            Claim claim = new Claim(registration, factory);
            int position = 0;
            while (position < keywordClaims.size() && keywordClaims.get(position).registration().precedes(registration)) {
                position++;
            }
            keywordClaims.add(position, claim);
            byServiceId.put(registration.serviceId(), claim);
            if (position == 0) {
                if (keywordClaims.size() > 1) {
                    CheckerRegistration previous = keywordClaims.get(1).registration();
                    LOG.info("checker {} now served by {}, which takes precedence over {}", keyword, registration.origin(), previous.origin());
                    publish(false, previous);
                } else {
                    LOG.info("checker {} registered by {}", keyword, registration.origin());
                }
                publish(true, registration);
            } else {
                LOG.warn("checker {} of {} stands by: {} is served by {}", keyword, registration.origin(), keyword,
                        keywordClaims.get(0).registration().origin());
            }
        }
        delivery.drain();
    }

    void remove(long serviceId) {
        synchronized (lock) {
            Claim claim = byServiceId.remove(serviceId);
            if (claim == null) {
                return;
            }
            CheckerRegistration registration = claim.registration();
            String keyword = registration.keyword();
            List<Claim> keywordClaims = claims.get(keyword);
            boolean wasServing = keywordClaims.get(0) == claim;
            keywordClaims.remove(claim);
            if (!wasServing) {
                LOG.info("standby checker {} of {} unregistered", keyword, registration.origin());
            } else if (keywordClaims.isEmpty()) {
                claims.remove(keyword);
                LOG.info("checker {} unregistered by {}; no plugin serves {} now", keyword, registration.origin(), keyword);
                publish(false, registration);
            } else {
                CheckerRegistration next = keywordClaims.get(0).registration();
                LOG.info("checker {} unregistered by {}; {} takes over", keyword, registration.origin(), next.origin());
                publish(false, registration);
                publish(true, next);
            }
        }
        delivery.drain();
    }

    private Optional<Claim> servingClaim(String keyword) {
        List<Claim> keywordClaims = claims.get(keyword);
        return keywordClaims == null ? Optional.empty() : Optional.of(keywordClaims.get(0));
    }

    private void publish(boolean added, CheckerRegistration registration) {
        for (CheckerRegistryListener listener : listeners) {
            delivery.enqueue(() -> notifyIfListening(listener, added, registration));
        }
    }

    private void notifyIfListening(CheckerRegistryListener listener, boolean added, CheckerRegistration registration) {
        if (!listeners.contains(listener)) {
            return;
        }
        if (added) {
            listener.checkerAdded(registration);
        } else {
            listener.checkerRemoved(registration);
        }
    }

    /** Reads what the registry needs from a factory once; a plugin whose answers are unusable is refused. */
    private static Optional<CheckerRegistration> describe(CheckerFactory factory, ServiceReference<CheckerFactory> reference) {
        Bundle bundle = reference.getBundle();
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
        String origin = bundle == null ? "service " + serviceId
                : bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
        String keyword;
        Set<String> subKeywords;
        try {
            keyword = factory.keyword();
            subKeywords = factory.subKeywords();
        } catch (RuntimeException e) {
            LOG.error("checker factory of {} refused: it failed to name its keywords", origin, e);
            return Optional.empty();
        }
        if (keyword == null || keyword.isBlank() || keyword.chars().anyMatch(Character::isWhitespace)
                || subKeywords == null) {
            LOG.error("checker factory of {} refused: keyword {} and sub-keywords {} must be single words",
                    origin, keyword, subKeywords);
            return Optional.empty();
        }
        return Optional.of(new CheckerRegistration(keyword, subKeywords,
                bundle == null ? "unknown" : bundle.getSymbolicName(),
                bundle == null ? "0.0.0" : bundle.getVersion().toString(),
                bundle == null ? -1 : bundle.getBundleId(),
                serviceId,
                ranking instanceof Integer ? (Integer) ranking : 0));
    }
}
