package org.jkeepalived.netlink.testing;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jkeepalived.testing.netns.NetworkNamespace;

/** Runs {@code ip -j} in a namespace and reads its answer, to check the kernel's state independently. */
public final class IpJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IpJson() {
    }

    /**
     * @param namespace where to run
     * @param arguments what follows {@code ip -j -d}, for example {@code "addr", "show", "dev", "eth0"}
     * @return the JSON array {@code ip} printed, as a list of its objects
     */
    public static List<JsonNode> ip(NetworkNamespace namespace, String... arguments) {
        String[] command = new String[arguments.length + 3];
        command[0] = "ip";
        command[1] = "-j";
        command[2] = "-d";
        System.arraycopy(arguments, 0, command, 3, arguments.length);
        String output = namespace.execOrFail(command);
        try {
            List<JsonNode> nodes = new ArrayList<>();
            JSON.readTree(output.isBlank() ? "[]" : output).forEach(nodes::add);
            return nodes;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("ip printed what is not JSON: " + output, e);
        }
    }
}
