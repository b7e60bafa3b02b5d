package org.jkeepalived.lvs.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jkeepalived.ipvs.api.Operation;

/**
 * A pass's operations counted by kind: the one line logged for a pass too large to log operation by
 * operation, as at start or after a reload of thousands of real servers.
 */
final class OperationCounts {

    /** The kinds, in the order of {@link #kind(Operation)}. */
    private static final List<String> KINDS = List.of("services added", "services changed", "services removed",
            "real servers added", "real servers changed", "real servers removed");

    private OperationCounts() {
    }

    /**
     * @param operations the operations of a pass
     * @return for example {@code 2040 operations: 40 services added, 2000 real servers added}
     */
    static String of(List<Operation> operations) {
        Map<Integer, Integer> byKind = new TreeMap<>();
        operations.forEach(operation -> byKind.merge(kind(operation), 1, Integer::sum));
        return operations.size() + " operations: " + byKind.entrySet().stream()
                .map(count -> count.getValue() + " " + KINDS.get(count.getKey()))
                .collect(Collectors.joining(", "));
    }

    private static int kind(Operation operation) {
        if (operation instanceof Operation.NewService) {
            return 0;
        } else if (operation instanceof Operation.SetService) {
            return 1;
        } else if (operation instanceof Operation.DeleteService) {
            return 2;
        } else if (operation instanceof Operation.NewDestination) {
            return 3;
        } else if (operation instanceof Operation.SetDestination) {
            return 4;
        }
        return 5;
    }
}
