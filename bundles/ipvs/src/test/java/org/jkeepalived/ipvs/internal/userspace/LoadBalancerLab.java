package org.jkeepalived.ipvs.internal.userspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.IpProtocol;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.testing.netns.Links;
import org.jkeepalived.testing.netns.NetworkNamespace;

/**
 * A load balancer and its hosts in network namespaces: a client (192.0.2.2, and sources
 * 192.0.2.10 to .41, 2001:db8:1::2 to ::9) linked to the balancer (192.0.2.1 and 2001:db8:1::1,
 * virtual addresses 203.0.113.100 and 2001:db8:ff::100 on its loopback), and three real servers rs1 to rs3 (198.51.100.11 to .13) on a bridge with the balancer
 * (198.51.100.1). Each real server runs an HTTP server on port 80 and a UDP echo on port 53 that
 * answer with its name. The userspace data plane runs in the balancer's namespace.
 */
final class LoadBalancerLab implements AutoCloseable {

    static final String VIP = "203.0.113.100";
    static final String UNASSIGNED_VIP = "203.0.113.101";
    static final String VIP6 = "2001:db8:ff::100";
    static final int SERVERS = 3;

    private final List<NetworkNamespace> namespaces = new ArrayList<>();
    private final List<HttpServer> httpServers = new ArrayList<>();
    private final List<DatagramSocket> echoSockets = new ArrayList<>();
    final NetworkNamespace client;
    final NetworkNamespace balancer;
    final List<NetworkNamespace> servers = new ArrayList<>();
    final UserspaceDataPlane plane;
    private final ExecutorService clientThread;

    LoadBalancerLab() throws Exception {
        client = namespace();
        balancer = namespace();
        NetworkNamespace network = namespace();
        NetworkNamespace[] servers = new NetworkNamespace[SERVERS];
        for (int i = 0; i < SERVERS; i++) {
            servers[i] = namespace();
            this.servers.add(servers[i]);
        }
        Links.veth(client, "c0", balancer, "lbc");
        client.execOrFail("ip", "addr", "add", "192.0.2.2/24", "dev", "c0");
        for (int source = 10; source < 42; source++) {
            client.execOrFail("ip", "addr", "add", "192.0.2." + source + "/24", "dev", "c0");
        }
        client.execOrFail("ip", "route", "add", "default", "via", "192.0.2.1");
        balancer.execOrFail("ip", "addr", "add", "192.0.2.1/24", "dev", "lbc");
        balancer.execOrFail("ip", "addr", "add", VIP + "/32", "dev", "lo");
        for (int source = 2; source < 10; source++) {
            client.execOrFail("ip", "addr", "add", "2001:db8:1::" + source + "/64", "dev", "c0", "nodad");
        }
        client.execOrFail("ip", "route", "add", "2001:db8:ff::/64", "via", "2001:db8:1::1");
        balancer.execOrFail("ip", "addr", "add", "2001:db8:1::1/64", "dev", "lbc", "nodad");
        balancer.execOrFail("ip", "addr", "add", VIP6 + "/128", "dev", "lo");

        NetworkNamespace[] bridged = new NetworkNamespace[SERVERS + 1];
        bridged[0] = balancer;
        System.arraycopy(servers, 0, bridged, 1, SERVERS);
        Links.bridge(network, "br0", "eth0", bridged);
        balancer.execOrFail("ip", "addr", "add", "198.51.100.1/24", "dev", "eth0");
        for (int i = 0; i < SERVERS; i++) {
            String name = "rs" + (i + 1);
            String address = serverAddress(i + 1);
            servers[i].execOrFail("ip", "addr", "add", address + "/24", "dev", "eth0");
            httpServers.add(servers[i].call(() -> startHttpServer(name, address)));
            DatagramSocket echo = servers[i].call(() -> new DatagramSocket(new InetSocketAddress(address, 53)));
            echoSockets.add(echo);
            Thread echoThread = new Thread(() -> echo(name, echo), "echo-" + name);
            echoThread.setDaemon(true);
            echoThread.start();
        }
        plane = new UserspaceDataPlane(balancer.threadFactory("dataplane"), 2);
        clientThread = Executors.newSingleThreadExecutor(client.threadFactory("client"));
    }

    static String serverAddress(int server) {
        return "198.51.100." + (10 + server);
    }

    /** @return the HTTP server of real server {@code server} (1 to 3), with {@code weight} */
    static Destination server(int server, int weight) {
        return Destination.of(new DestinationKey(address(serverAddress(server)), 80), weight);
    }

    /** @return the UDP echo of real server {@code server} (1 to 3), with {@code weight} */
    static Destination echoServer(int server, int weight) {
        return Destination.of(new DestinationKey(address(serverAddress(server)), 53), weight);
    }

    static ServiceKey tcp(int port) {
        return new ServiceKey.Inet(IpProtocol.TCP, address(VIP), port);
    }

    static ServiceKey udp(int port) {
        return new ServiceKey.Inet(IpProtocol.UDP, address(VIP), port);
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Runs {@code task} on a thread in the client's namespace. */
    <T> T inClient(Callable<T> task) throws Exception {
        try {
            return clientThread.submit(task).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * One HTTP/1.0 request from the client through the virtual address.
     *
     * @param source the client's source address
     * @param port the virtual port
     * @return the name of the real server that answered
     */
    String get(String source, int port) throws Exception {
        try (KeptConnection connection = open(source, VIP, port)) {
            return connection.request(false);
        }
    }

    /** Opens a connection from the client that stays open between requests. */
    KeptConnection open(String source, String vip, int port) throws Exception {
        return inClient(() -> {
            Socket socket = new Socket();
            socket.setSoTimeout(10_000);
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress(vip, port), 5_000);
            return new KeptConnection(socket);
        });
    }

    /** A client connection that makes HTTP requests and can stay open between them. */
    static final class KeptConnection implements AutoCloseable {
        private final Socket socket;
        long sentBytes;
        long receivedBytes;

        KeptConnection(Socket socket) {
            this.socket = socket;
        }

        /**
         * @param keepAlive HTTP/1.1 that keeps the connection, or HTTP/1.0 that closes it
         * @return the body: the name of the server that answered
         */
        String request(boolean keepAlive) throws IOException {
            byte[] request = (keepAlive ? "GET / HTTP/1.1\r\nHost: lab\r\n\r\n" : "GET / HTTP/1.0\r\nHost: lab\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            sentBytes += request.length;
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed after " + head.length() + " bytes of the response head");
                }
                head.append((char) b);
            }
            int length = head.toString().lines().filter(line -> line.regionMatches(true, 0, "Content-Length:", 0, 15))
                    .map(line -> Integer.parseInt(line.substring(15).trim())).findFirst()
                    .orElseThrow(() -> new IOException("no Content-Length in " + head));
            byte[] body = in.readNBytes(length);
            receivedBytes += head.length() + body.length;
            if (!keepAlive) {
                // the server closes after an HTTP/1.0 response
                receivedBytes += in.readAllBytes().length;
            }
            return new String(body, StandardCharsets.US_ASCII);
        }

        /** Waits until the balancer closes the connection: the read sees its end. */
        void awaitClose() throws IOException {
            if (socket.getInputStream().read() != -1) {
                throw new IOException("data where the end of the connection was awaited");
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Sends one datagram from {@code socket} to the virtual address and returns the answer and its source. */
    static DatagramPacket exchange(DatagramSocket socket, int port, String payload) throws IOException {
        byte[] data = payload.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(data, data.length, new InetSocketAddress(VIP, port)));
        DatagramPacket answer = new DatagramPacket(new byte[1500], 1500);
        socket.receive(answer);
        return answer;
    }

    static String text(DatagramPacket packet) {
        return new String(packet.getData(), packet.getOffset(), packet.getLength(), StandardCharsets.US_ASCII);
    }

    private NetworkNamespace namespace() {
        NetworkNamespace namespace = NetworkNamespace.create();
        namespaces.add(namespace);
        return namespace;
    }

    private static HttpServer startHttpServer(String name, String address) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 80), 64);
        byte[] body = name.getBytes(StandardCharsets.US_ASCII);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "http-" + name);
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return server;
    }

    /** Answers each datagram with {@code name:payload}. */
    private static void echo(String name, DatagramSocket socket) {
        byte[] buffer = new byte[1500];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                byte[] answer = (name + ":" + text(packet)).getBytes(StandardCharsets.US_ASCII);
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        plane.close();
        clientThread.shutdownNow();
        httpServers.forEach(server -> server.stop(0));
        echoSockets.forEach(DatagramSocket::close);
        namespaces.forEach(NetworkNamespace::close);
    }
}
