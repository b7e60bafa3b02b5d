package org.jkeepalived.ipvs.internal.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jkeepalived.netlink.codec.NetlinkFrameDecoder;
import org.jkeepalived.netlink.codec.NetlinkMessage;

/**
 * What ipvsadm exchanged with the kernel's IPVS for each command of
 * src/test/kernel/ipvsadm-netlink-vectors.sh (ipvsadm-netlink-vectors.txt): the command, its exit
 * status and output, and every datagram sent and received, as strace saw them.
 */
final class IpvsadmVectors {

    /** The generic netlink header's command byte, after the 16-byte netlink header. */
    private static final int COMMAND_OFFSET = 16;

    /**
     * One datagram.
     *
     * @param sent whether ipvsadm sent it (else it received it)
     * @param bytes its bytes
     */
    record Datagram(boolean sent, byte[] bytes) {

        /** @return the messages it holds */
        List<NetlinkMessage> messages() {
            return NetlinkFrameDecoder.decode(ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()));
        }

        /** @return the generic netlink command of its first message */
        int command() {
            return Byte.toUnsignedInt(bytes[COMMAND_OFFSET]);
        }

        /** @return its bytes with the sequence number and port zeroed, as a request is before the socket numbers it */
        String unnumbered() {
            byte[] copy = bytes.clone();
            for (int i = 8; i < 16; i++) {
                copy[i] = 0;
            }
            return HexFormat.of().formatHex(copy);
        }
    }

    /**
     * One ipvsadm command.
     *
     * @param arguments its arguments
     * @param status its exit status
     * @param output what it printed
     * @param datagrams the datagrams, in order
     */
    record Exchange(String arguments, int status, List<String> output, List<Datagram> datagrams) {

        /** @return the requests it sent, but the IPVS_CMD_GET_INFO every ipvsadm command starts with */
        List<Datagram> requests() {
            return datagrams.stream().filter(Datagram::sent).filter(datagram -> datagram.command() != IpvsNetlink.CMD_GET_INFO).toList();
        }

        /** @return the messages received in answer to {@code request}, up to the next request */
        List<NetlinkMessage> answersTo(Datagram request) {
            List<NetlinkMessage> answers = new ArrayList<>();
            boolean after = false;
            for (Datagram datagram : datagrams) {
                if (datagram == request) {
                    after = true;
                } else if (after && datagram.sent()) {
                    break;
                } else if (after) {
                    answers.addAll(datagram.messages());
                }
            }
            return answers;
        }
    }

    private final List<Exchange> exchanges;

    private IpvsadmVectors(List<Exchange> exchanges) {
        this.exchanges = exchanges;
    }

    /** @return the vectors of the resource ipvsadm-netlink-vectors.txt */
    static IpvsadmVectors load() {
        List<Exchange> exchanges = new ArrayList<>();
        try (InputStream in = IpvsadmVectors.class.getResourceAsStream("ipvsadm-netlink-vectors.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String arguments = null;
            int status = -1;
            List<String> output = new ArrayList<>();
            List<Datagram> datagrams = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("$ ipvsadm ")) {
                    if (arguments != null) {
                        exchanges.add(new Exchange(arguments, status, List.copyOf(output), List.copyOf(datagrams)));
                    }
                    arguments = line.substring("$ ipvsadm ".length());
                    output.clear();
                    datagrams.clear();
                } else if (line.startsWith("= ")) {
                    status = Integer.parseInt(line.substring(2));
                } else if (line.startsWith("> ")) {
                    output.add(line.substring(2));
                } else if (line.startsWith("send ") || line.startsWith("recv ")) {
                    datagrams.add(new Datagram(line.startsWith("send "), HexFormat.of().parseHex(line.substring(5))));
                }
            }
            exchanges.add(new Exchange(arguments, status, List.copyOf(output), List.copyOf(datagrams)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new IpvsadmVectors(List.copyOf(exchanges));
    }

    /**
     * @param arguments ipvsadm's arguments
     * @param occurrence 0 for the first time the script ran them, 1 for the second...
     * @return what that run exchanged
     */
    Exchange exchange(String arguments, int occurrence) {
        List<Exchange> matching = exchanges.stream().filter(exchange -> exchange.arguments().equals(arguments)).toList();
        if (matching.size() <= occurrence) {
            throw new IllegalArgumentException("ipvsadm " + arguments + " ran " + matching.size() + " times in the vectors");
        }
        return matching.get(occurrence);
    }

    /** @return the first run of {@code arguments} */
    Exchange exchange(String arguments) {
        return exchange(arguments, 0);
    }

    /** @return the message type the kernel gave the IPVS family in the run that made the vectors */
    int familyId() {
        byte[] first = exchanges.get(0).requests().get(0).bytes();
        return ByteBuffer.wrap(first, 4, 2).order(ByteOrder.nativeOrder()).getShort() & 0xffff;
    }
}
