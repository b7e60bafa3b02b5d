package org.jkeepalived.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductTest {

    @Test
    void theVersionIsTheBuildsVersion() {
        assertThat(Product.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(Product.keepalivedVersion()).matches("2\\.\\d+\\.\\d+");
    }
}
