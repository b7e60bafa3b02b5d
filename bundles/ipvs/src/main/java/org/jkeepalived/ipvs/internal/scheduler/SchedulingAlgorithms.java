package org.jkeepalived.ipvs.internal.scheduler;

import java.util.Optional;
import java.util.random.RandomGenerator;

import org.jkeepalived.ipvs.api.SchedulerFlag;
import org.jkeepalived.ipvs.api.VirtualService;

/** Makes the scheduler a service names. */
public final class SchedulingAlgorithms {

    private SchedulingAlgorithms() {
    }

    /**
     * @param service the service
     * @param random the random numbers of twos
     * @return its scheduler, or empty for the locality-based ones (lblc, lblcr), which schedule by the
     *         address each packet was sent to and have nothing to balance in a forwarder that owns one
     *         address per service
     */
    public static Optional<SchedulingAlgorithm> create(VirtualService service, RandomGenerator random) {
        boolean fallback = service.flags().contains(SchedulerFlag.FALLBACK);
        boolean port = service.flags().contains(SchedulerFlag.PORT);
        return Optional.ofNullable(switch (service.scheduler()) {
            case RR -> new RoundRobin();
            case WRR -> new WeightedRoundRobin();
            case LC -> new LeastConnection();
            case WLC -> WeightedLeastConnection.wlc();
            case SED -> WeightedLeastConnection.sed();
            case NQ -> WeightedLeastConnection.nq();
            case FO -> new WeightedFailover();
            case OVF -> new WeightedOverflow();
            case SH -> new SourceHashing(fallback, port);
            case DH -> new DestinationHashing();
            case MH -> new MaglevHashing(fallback, port);
            case TWOS -> new TwoRandomChoices(random);
            case LBLC, LBLCR -> null;
        });
    }
}
