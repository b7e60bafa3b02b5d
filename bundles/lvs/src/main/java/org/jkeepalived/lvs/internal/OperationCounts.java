package org.jkeepalived.lvs.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jkeepalived.ipvs.api.Operation;

/**
 * A pass's operations counted by kind: the one line logged for a pass too large to log operation by
 * operation, as at start or after a reload of thousands of real servers.
 */
final class OperationCounts {

    /** Each kind of operation, in the order the line names them. */
    private static final Map<Class<? extends Operation>, String> KINDS = kinds();

    private OperationCounts() {
    }

    /**
     * @param operations the operations of a pass
     * @return for example {@code 2040 operations: 40 services added, 2000 real servers added}
     */
    static String of(List<Operation> operations) {
        Map<Class<?>, Long> counts = operations.stream().collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));
        return operations.size() + " operations: " + KINDS.entrySet().stream()
                .filter(kind -> counts.containsKey(kind.getKey()))
                .map(kind -> counts.get(kind.getKey()) + " " + kind.getValue())
                .collect(Collectors.joining(", "));
    }

    private static Map<Class<? extends Operation>, String> kinds() {
        Map<Class<? extends Operation>, String> kinds = new LinkedHashMap<>();
        kinds.put(Operation.NewService.class, "services added");
        kinds.put(Operation.SetService.class, "services changed");
        kinds.put(Operation.DeleteService.class, "services removed");
        kinds.put(Operation.NewDestination.class, "real servers added");
        kinds.put(Operation.SetDestination.class, "real servers changed");
        kinds.put(Operation.DeleteDestination.class, "real servers removed");
        return kinds;
    }
}
