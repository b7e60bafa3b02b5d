package org.jkeepalived.config.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/jkeepalived -t}: keepalived's exit statuses, diagnostics on stderr or in a file, plugins from their jars. */
class ConfigTestTest {

    private static final String CONFIG = """
            virtual_server 10.0.0.1 80 {
                protocol TCP
                real_server 10.0.0.2 80 {
                    PORT_CHECK {
                        port 8080
                        ports 8081
                    }
                }
            }
            """;

    @TempDir
    Path directory;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(String classPath, String... arguments) {
        return ConfigTest.run(arguments, classPath, new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aValidConfigurationExitsZero() throws IOException {
        Path file = Files.writeString(directory.resolve("keepalived.conf"), "global_defs {\n    router_id lb1\n}\n");

        assertThat(run("", file.toString())).isZero();
        assertThat(stderr()).isEqualTo(file + ": configuration is valid\n");
    }

    @Test
    void aConfigurationWithErrorsExitsFourAndListsThem() throws IOException {
        Path file = Files.writeString(directory.resolve("keepalived.conf"), "global_defs {\n    router_di lb1\n}\n");

        assertThat(run("", file.toString())).isEqualTo(ConfigTest.ERRORS);
        assertThat(stderr()).isEqualTo(file + ":2:5: error: unknown keyword 'router_di' in global_defs; did you mean 'router_id'?\n"
                + file + ": 1 error, 0 warnings\n");
    }

    @Test
    void aFileThatCannotBeReadExitsThree() {
        Path file = directory.resolve("missing.conf");

        assertThat(run("", file.toString())).isEqualTo(ConfigTest.CANNOT_RUN);
        assertThat(stderr()).startsWith(file + ": error: cannot read: no such file\n");
    }

    @Test
    void diagnosticsGoToTheFileGivenAndTheConfigIdSelectsLines() throws IOException {
        Path file = Files.writeString(directory.resolve("keepalived.conf"), "@lb2 router_di lb1\n@^lb2 router_id lb1\n");
        Path output = directory.resolve("test.log");

        assertThat(run("", "-i", "lb2", "-o", output.toString(), file.toString())).isEqualTo(ConfigTest.ERRORS);
        assertThat(stderr()).isEmpty();
        assertThat(Files.readString(output)).startsWith(file + ":1:6: error: unknown keyword 'router_di' in the top level");
    }

    @Test
    void checkerPluginsAreFoundThroughTheirComponentDescriptors() throws IOException {
        Path plugin = pluginJar("plugin.jar", DiscoverableCheckerFactory.class.getName());
        Path file = Files.writeString(directory.resolve("keepalived.conf"), CONFIG);

        assertThat(run(plugin.toString(), file.toString())).isEqualTo(ConfigTest.ERRORS);
        assertThat(stderr()).isEqualTo(file + ":6:13: error: unknown keyword 'ports' in PORT_CHECK; did you mean 'port'?\n"
                + file + ": 1 error, 0 warnings\n");
    }

    @Test
    void aPluginThatCannotBeMadeIsAWarningAndItsBlocksAreKept() throws IOException {
        Path plugin = pluginJar("broken.jar", "org.example.NoSuchFactory");
        Path file = Files.writeString(directory.resolve("keepalived.conf"), CONFIG);

        assertThat(run(plugin.toString(), file.toString())).isZero();
        assertThat(stderr()).startsWith(file + ": warning: checker factory org.example.NoSuchFactory of " + plugin
                + " cannot be used outside the container: java.lang.ClassNotFoundException: org.example.NoSuchFactory\n");
        assertThat(stderr()).contains(":4:9: warning: no checker plugin serves PORT_CHECK");
    }

    @Test
    void aPluginWhoseConstructorFailsIsReportedWithTheCauseNotTheReflectionWrapper() throws IOException {
        Path plugin = pluginJar("bound.jar", ContainerBoundCheckerFactory.class.getName());
        Path file = Files.writeString(directory.resolve("keepalived.conf"), CONFIG);

        assertThat(run(plugin.toString(), file.toString())).isZero();
        assertThat(stderr()).startsWith(file + ": warning: checker factory " + ContainerBoundCheckerFactory.class.getName() + " of "
                + plugin + " cannot be used outside the container: java.lang.IllegalStateException: needs the OSGi framework\n");
    }

    /** A plugin bundle as bnd makes it: a Service-Component header naming a descriptor that provides CheckerFactory. */
    private Path pluginJar(String name, String implementation) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Service-Component", "OSGI-INF/factory.xml");
        Path jar = directory.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new ZipEntry("OSGI-INF/factory.xml"));
            jarOut.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s">
                      <implementation class="%s"/>
                      <service>
                        <provide interface="org.jkeepalived.checker.api.CheckerFactory"/>
                      </service>
                    </scr:component>
                    """.formatted(implementation, implementation).getBytes(StandardCharsets.UTF_8));
            jarOut.closeEntry();
        }
        return jar;
    }
}
