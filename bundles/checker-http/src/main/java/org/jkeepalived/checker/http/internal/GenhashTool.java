package org.jkeepalived.checker.http.internal;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.NetUtil;
import org.jkeepalived.checker.http.api.Genhash;
import org.jkeepalived.checker.http.api.GenhashRequest;
import org.osgi.service.component.annotations.Component;

/**
 * genhash on a loop of its own: the page is fetched exactly as HTTP_GET or SSL_GET fetches it, so
 * that the digest printed is the one the checker computes.
 */
@Component(service = Genhash.class)
public final class GenhashTool implements Genhash {

    @Override
    public int run(GenhashRequest request, PrintStream out, PrintStream err) {
        GenhashPrinter printer = new GenhashPrinter(out, err, request.verbose());
        String host = request.virtualhost().orElseGet(() -> NetUtil.toSocketAddressString(request.server()));
        PageRequest get = new PageRequest(request.server(), Optional.empty(), Optional.empty(), request.fwmark(),
                request.timeout(), request.path(), host, request.protocol(),
                request.tls() ? Optional.of(ClientTls.context()) : Optional.empty(),
                request.sni() ? request.virtualhost() : Optional.empty(), 0);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
                Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        long start = System.nanoTime();
        try {
            FetchResult result = group.submit(() -> PageFetch.start(group.next(), get, printer)).get().result().get();
            int status = printer.result(result);
            printer.responseTime(request.path(), TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
            return status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            err.println("genhash failed: " + e.getCause());
            return 1;
        } finally {
            out.flush();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
