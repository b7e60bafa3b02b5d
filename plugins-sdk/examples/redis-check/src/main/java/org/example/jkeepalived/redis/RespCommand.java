package org.example.jkeepalived.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.ByteBuf;

/** A command as clients send it in RESP2: an array of bulk strings, {@code *2 $4 AUTH $6 secret}. */
record RespCommand(List<String> arguments) {

    RespCommand {
        arguments = List.copyOf(arguments);
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("a command has a name");
        }
    }

    static RespCommand of(String... arguments) {
        return new RespCommand(List.of(arguments));
    }

    /** @return the command's name, as replies are reported under it */
    String name() {
        return arguments.get(0);
    }

    /**
     * Writes the command.
     *
     * @param out where the bytes go
     */
    void encode(ByteBuf out) {
        out.writeByte('*').writeCharSequence(Integer.toString(arguments.size()), StandardCharsets.US_ASCII);
        out.writeByte('\r').writeByte('\n');
        for (String argument : arguments) {
            byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
            out.writeByte('$').writeCharSequence(Integer.toString(bytes.length), StandardCharsets.US_ASCII);
            out.writeByte('\r').writeByte('\n');
            out.writeBytes(bytes).writeByte('\r').writeByte('\n');
        }
    }
}
