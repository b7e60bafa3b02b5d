package org.jkeepalived.ipvs.internal;

import java.lang.reflect.Proxy;

import org.jkeepalived.ipvs.api.Backend;
import org.osgi.framework.BundleContext;

/** Activates the {@link DataPlaneComponent} as the framework does, with {@code jkeepalived.dataplane} set. */
public final class ComponentActivation {

    private ComponentActivation() {
    }

    /**
     * @param dataplane the value of {@code jkeepalived.dataplane}, or {@code null}
     * @return the backend the component runs, once activated; it is deactivated again
     * @throws IllegalArgumentException as the component refuses to activate
     */
    public static Backend backend(String dataplane) {
        DataPlaneComponent component = new DataPlaneComponent();
        component.activate(context(dataplane));
        try {
            return component.backend();
        } finally {
            component.deactivate();
        }
    }

    private static BundleContext context(String dataplane) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getProperty")) {
                        return BackendSelection.PROPERTY.equals(arguments[0]) ? dataplane : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
