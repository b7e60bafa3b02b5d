package org.jkeepalived.checker.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.Diagnostics;
import org.jkeepalived.checker.registry.api.CheckerRegistration;
import org.jkeepalived.checker.registry.api.CheckerRegistryListener;
import org.junit.jupiter.api.Test;

class CheckerRegistryComponentTest {

    private final CheckerRegistryComponent registry = new CheckerRegistryComponent();
    private final RecordingListener listener = new RecordingListener();

    @Test
    void aRegisteredFactoryServesItsKeywordUntilItLeaves() {
        registry.addListener(listener);
        NamedFactory tcp = new NamedFactory("TCP_CHECK");
        CheckerRegistration registration = registration("TCP_CHECK", "org.example.tcp", 10, 100, 0);

        registry.add(tcp, registration);

        assertThat(registry.factory("TCP_CHECK")).containsSame(tcp);
        assertThat(registry.serving("TCP_CHECK")).contains(registration);
        assertThat(registry.factory("HTTP_GET")).isEmpty();
        assertThat(listener.events).containsExactly("+TCP_CHECK org.example.tcp");

        registry.remove(100);

        assertThat(registry.factory("TCP_CHECK")).isEmpty();
        assertThat(registry.registrations()).isEmpty();
        assertThat(listener.events).containsExactly("+TCP_CHECK org.example.tcp", "-TCP_CHECK org.example.tcp");
    }

    @Test
    void theHigherRankingServesAndTheOtherTakesOverWhenItLeaves() {
        registry.addListener(listener);
        NamedFactory builtIn = new NamedFactory("HTTP_GET");
        NamedFactory override = new NamedFactory("HTTP_GET");
        registry.add(builtIn, registration("HTTP_GET", "builtin", 10, 100, 0));

        registry.add(override, registration("HTTP_GET", "override", 11, 101, 5));

        assertThat(registry.factory("HTTP_GET")).containsSame(override);
        assertThat(registry.registrations()).extracting(CheckerRegistration::bundleSymbolicName)
                .containsExactly("override", "builtin");
        assertThat(listener.events).containsExactly("+HTTP_GET builtin", "-HTTP_GET builtin", "+HTTP_GET override");

        registry.remove(101);

        assertThat(registry.factory("HTTP_GET")).containsSame(builtIn);
        assertThat(listener.events).endsWith("-HTTP_GET override", "+HTTP_GET builtin");
    }

    @Test
    void aStandbyFactoryComesAndGoesWithoutNotice() {
        registry.add(new NamedFactory("SSL_GET"), registration("SSL_GET", "first", 10, 100, 0));
        registry.addListener(listener);

        registry.add(new NamedFactory("SSL_GET"), registration("SSL_GET", "second", 11, 101, 0));
        registry.remove(101);

        assertThat(listener.events).containsExactly("+SSL_GET first");
        assertThat(registry.serving("SSL_GET")).map(CheckerRegistration::bundleSymbolicName).contains("first");
    }

    @Test
    void aNewListenerHearsOfEveryKeywordServedAndARemovedOneHearsNothingMore() {
        registry.add(new NamedFactory("TCP_CHECK"), registration("TCP_CHECK", "tcp", 10, 100, 0));
        registry.add(new NamedFactory("DNS_CHECK"), registration("DNS_CHECK", "dns", 11, 101, 0));

        registry.addListener(listener);
        registry.removeListener(listener);
        registry.remove(100);

        assertThat(listener.events).containsExactly("+DNS_CHECK dns", "+TCP_CHECK tcp");
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        registry.addListener(new CheckerRegistryListener() {
            @Override
            public void checkerAdded(CheckerRegistration registration) {
                throw new IllegalStateException("expected by the test");
            }

            @Override
            public void checkerRemoved(CheckerRegistration registration) {
                throw new IllegalStateException("expected by the test");
            }
        });
        registry.addListener(listener);

        registry.add(new NamedFactory("UDP_CHECK"), registration("UDP_CHECK", "udp", 10, 100, 0));

        assertThat(listener.events).containsExactly("+UDP_CHECK udp");
    }

    private static CheckerRegistration registration(String keyword, String bundle, long bundleId, long serviceId, int ranking) {
        return new CheckerRegistration(keyword, Set.of(), bundle, "1.0.0", bundleId, serviceId, ranking);
    }

    private static final class RecordingListener implements CheckerRegistryListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void checkerAdded(CheckerRegistration registration) {
            events.add("+" + registration.keyword() + " " + registration.bundleSymbolicName());
        }

        @Override
        public void checkerRemoved(CheckerRegistration registration) {
            events.add("-" + registration.keyword() + " " + registration.bundleSymbolicName());
        }
    }

    private record NamedFactory(String keyword) implements CheckerFactory {
        @Override
        public Set<String> subKeywords() {
            return Set.of();
        }

        @Override
        public CheckerDefinition bind(ConfigBlock block, Diagnostics diagnostics) {
            throw new UnsupportedOperationException("not bound in registry tests");
        }
    }
}
