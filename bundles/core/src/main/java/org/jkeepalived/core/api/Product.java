package org.jkeepalived.core.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The product's name, version, and the keepalived release whose configuration and protocol it follows. */
public final class Product {

    /** The product's name. */
    public static final String NAME = "jkeepalived";

    private static final Properties PROPERTIES = readProperties();

    private Product() {
    }

    /** @return the version of this build, for example {@code 0.1.0} */
    public static String version() {
        return PROPERTIES.getProperty("version");
    }

    /** @return the keepalived release whose keepalived.conf keywords and VRRP behaviour jkeepalived follows */
    public static String keepalivedVersion() {
        return PROPERTIES.getProperty("keepalived.version");
    }

    private static Properties readProperties() {
        try (InputStream in = Product.class.getResourceAsStream("product.properties")) {
            if (in == null) {
                throw new IllegalStateException("product.properties is missing from the core bundle");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
