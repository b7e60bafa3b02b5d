package org.jkeepalived.config.internal.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jkeepalived.checker.api.CheckerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Finds the checker factories of the jars on the class path without an OSGi framework: a jar's
 * {@code Service-Component} header names its Declarative Services descriptors, and a component that
 * provides {@link CheckerFactory} is made with its public no-argument constructor, as the
 * {@link CheckerFactory} contract allows.
 */
final class CheckerDiscovery {

    private static final String CHECKER_FACTORY = CheckerFactory.class.getName();

    /**
     * @param factories the factories by keyword, in class path order; the first for a keyword serves it
     * @param problems one line for each factory that could not be made, which config test prints
     */
    record Found(Map<String, CheckerFactory> factories, List<String> problems) {

        Optional<CheckerFactory> factory(String keyword) {
            return Optional.ofNullable(factories.get(keyword));
        }
    }

    private CheckerDiscovery() {
    }

    static Found onClassPath(String classPath, ClassLoader loader) {
        Map<String, CheckerFactory> factories = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            for (String className : components(entry, problems)) {
                try {
                    CheckerFactory factory = (CheckerFactory) loader.loadClass(className).getConstructor().newInstance();
                    factories.putIfAbsent(factory.keyword(), factory);
                } catch (InvocationTargetException e) {
                    problems.add(unusable(className, entry, e.getCause()));
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    problems.add(unusable(className, entry, e));
                }
            }
        }
        return new Found(factories, problems);
    }

    private static String unusable(String className, String jar, Throwable why) {
        return "checker factory " + className + " of " + jar + " cannot be used outside the container: " + why;
    }

    /** The implementation classes of the jar's components that provide a CheckerFactory. */
    private static List<String> components(String jar, List<String> problems) {
        List<String> classes = new ArrayList<>();
        try (JarFile file = new JarFile(jar)) {
            String header = file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue("Service-Component");
            if (header == null) {
                return classes;
            }
            DocumentBuilder xml = parser();
            for (String descriptor : header.split(",")) {
                ZipEntry entry = file.getEntry(descriptor.trim());
                if (entry == null) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    classes.addAll(checkerFactories(xml.parse(in)));
                }
            }
        } catch (IOException | SAXException | ParserConfigurationException e) {
            problems.add("cannot read the components of " + jar + ": " + e.getMessage());
        }
        return classes;
    }

    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder();
    }

    private static List<String> checkerFactories(Document descriptor) {
        List<String> classes = new ArrayList<>();
        NodeList components = descriptor.getElementsByTagNameNS("*", "component");
        for (int i = 0; i < components.getLength(); i++) {
            Element component = (Element) components.item(i);
            NodeList provides = component.getElementsByTagName("provide");
            NodeList implementations = component.getElementsByTagName("implementation");
            for (int p = 0; p < provides.getLength(); p++) {
                if (CHECKER_FACTORY.equals(((Element) provides.item(p)).getAttribute("interface"))
                        && implementations.getLength() > 0) {
                    classes.add(((Element) implementations.item(0)).getAttribute("class"));
                }
            }
        }
        return classes;
    }
}
