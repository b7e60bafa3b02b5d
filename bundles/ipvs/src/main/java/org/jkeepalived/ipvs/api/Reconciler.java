package org.jkeepalived.ipvs.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Brings a data plane's table to the one wanted with the fewest operations: a service or a
 * destination that did not change is not touched, one whose attributes changed is edited in place
 * (a weight change is a {@code SET_DEST}, never a delete and an add), and nothing is flushed. New
 * destinations are added before old ones are removed, so that a service keeps serving through the
 * change.
 */
public final class Reconciler {

    private Reconciler() {
    }

    /**
     * An operation that failed, or that was not tried because the service it needed failed to be added.
     *
     * @param operation the operation
     * @param error why
     */
    public record Failure(Operation operation, DataPlaneException error) {
    }

    /**
     * @param applied the operations carried out, in order
     * @param failures the operations that failed or were not tried
     */
    public record Result(List<Operation> applied, List<Failure> failures) {
        public Result {
            applied = List.copyOf(applied);
            failures = List.copyOf(failures);
        }

        /** @return whether the table is now the one wanted */
        public boolean complete() {
            return failures.isEmpty();
        }
    }

    /**
     * The operations that turn {@code current} into {@code desired}, in the order to apply them: for
     * each wanted service, its addition or edit, then its destinations added, edited and removed;
     * last, the services no longer wanted removed (with their destinations, as IPVS removes them).
     *
     * @param current the table the data plane has
     * @param desired the table wanted
     * @return the operations, none if the tables are equal
     */
    public static List<Operation> diff(ServiceTable current, ServiceTable desired) {
        Map<ServiceKey, ServiceEntry> currentByKey = current.byKey();
        Map<ServiceKey, ServiceEntry> desiredByKey = desired.byKey();
        List<Operation> operations = new ArrayList<>();
        for (ServiceEntry wanted : desired.entries()) {
            ServiceEntry existing = currentByKey.get(wanted.key());
            if (existing == null) {
                operations.add(new Operation.NewService(wanted.service()));
                wanted.destinations().forEach(destination -> operations.add(new Operation.NewDestination(wanted.key(), destination)));
            } else {
                if (!existing.service().equals(wanted.service())) {
                    operations.add(new Operation.SetService(wanted.service()));
                }
                diffDestinations(wanted.key(), existing.destinations(), wanted.destinations(), operations);
            }
        }
        for (ServiceEntry existing : current.entries()) {
            if (!desiredByKey.containsKey(existing.key())) {
                operations.add(new Operation.DeleteService(existing.key()));
            }
        }
        return operations;
    }

    /**
     * Reads the data plane's table and applies the operations that make it {@code desired}. An
     * operation that fails does not stop the others; the destinations of a service that could not be
     * added are not tried.
     *
     * @param plane the data plane
     * @param desired the table wanted
     * @return what was applied and what failed
     * @throws DataPlaneException if the data plane's table cannot be read
     */
    public static Result reconcile(DataPlane plane, ServiceTable desired) throws DataPlaneException {
        Objects.requireNonNull(desired, "desired");
        List<Operation> applied = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Map<ServiceKey, DataPlaneException> notAdded = new HashMap<>();
        for (Operation operation : diff(ServiceTable.read(plane), desired)) {
            DataPlaneException missing = notAdded.get(operation.serviceKey());
            if (missing != null) {
                failures.add(new Failure(operation, missing));
                continue;
            }
            try {
                operation.applyTo(plane);
                applied.add(operation);
            } catch (DataPlaneException e) {
                failures.add(new Failure(operation, e));
                if (operation instanceof Operation.NewService) {
                    notAdded.put(operation.serviceKey(), e);
                }
            }
        }
        return new Result(applied, failures);
    }

    private static void diffDestinations(ServiceKey service, List<Destination> existing, List<Destination> wanted,
            List<Operation> operations) {
        Map<DestinationKey, Destination> existingByKey = new LinkedHashMap<>();
        existing.forEach(destination -> existingByKey.put(destination.key(), destination));
        Map<DestinationKey, Destination> wantedByKey = new LinkedHashMap<>();
        wanted.forEach(destination -> wantedByKey.put(destination.key(), destination));
        for (Destination destination : wanted) {
            if (!existingByKey.containsKey(destination.key())) {
                operations.add(new Operation.NewDestination(service, destination));
            }
        }
        for (Destination destination : wanted) {
            Destination before = existingByKey.get(destination.key());
            if (before != null && !before.equals(destination)) {
                operations.add(new Operation.SetDestination(service, destination));
            }
        }
        for (Destination destination : existing) {
            if (!wantedByKey.containsKey(destination.key())) {
                operations.add(new Operation.DeleteDestination(service, destination.key()));
            }
        }
    }
}
