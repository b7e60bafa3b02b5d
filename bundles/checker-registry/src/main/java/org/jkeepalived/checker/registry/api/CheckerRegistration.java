package org.jkeepalived.checker.registry.api;

import java.util.Set;

/**
 * A registered checker factory and the bundle that provides it.
 *
 * @param keyword the checker keyword it owns, for example {@code TCP_CHECK}
 * @param subKeywords the sub-keywords it accepts beyond the common ones
 * @param bundleSymbolicName the providing bundle's symbolic name
 * @param bundleVersion the providing bundle's version
 * @param bundleId the providing bundle's id in the framework
 * @param serviceId the factory service's id
 * @param serviceRanking the factory service's ranking; the highest serves a keyword claimed twice
 */
public record CheckerRegistration(
        String keyword,
        Set<String> subKeywords,
        String bundleSymbolicName,
        String bundleVersion,
        long bundleId,
        long serviceId,
        int serviceRanking) {

    public CheckerRegistration {
        subKeywords = Set.copyOf(subKeywords);
    }

    /**
     * Whether this registration takes precedence over another for the same keyword: higher ranking
     * first, then the older service, as the OSGi service registry orders services.
     *
     * @param other another registration
     * @return whether this one wins
     */
    public boolean precedes(CheckerRegistration other) {
        if (serviceRanking != other.serviceRanking) {
            return serviceRanking > other.serviceRanking;
        }
        return serviceId < other.serviceId;
    }

    /** @return the providing bundle as logs name it: symbolic name, version and id */
    public String origin() {
        return bundleSymbolicName + " " + bundleVersion + " [" + bundleId + "]";
    }

    @Override
    public String toString() {
        return keyword + " from " + origin();
    }
}
