package org.jkeepalived.metrics.internal;

import java.util.List;

/**
 * A real server in JMX, {@code org.jkeepalived:type=RealServer,virtualServer="[192.0.2.1]:tcp:80",name="192.0.2.10:80"}:
 * the numbers the Prometheus endpoint gives under {@code keepalived_real_server_*}.
 */
public interface RealServerMXBean {

    /** @return whether its checkers say it is up */
    boolean isUp();

    /** @return its weight in the data plane, 0 when it is not there */
    int getWeight();

    /** @return its weight in the configuration */
    int getConfiguredWeight();

    /** @return its checkers with their state, for example {@code TCP_CHECK up} */
    List<String> getCheckers();
}
