package org.jkeepalived.checker.http.internal;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.util.NetUtil;
import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;

/**
 * Checks the urls of one HTTP_GET or SSL_GET block in turn, one connection each, on the checker
 * loop; the first url that fails makes the probe fail, saying which and why.
 */
final class HttpChecker implements Checker {

    /** The checker prints nothing of what it reads. */
    private static final ResponseReader.Listener SILENT = new ResponseReader.Listener() {
        @Override
        public void head(ByteBuf head, int statusCode, ByteBuf bodyStart) {
        }

        @Override
        public void body(ByteBuf chunk) {
        }
    };

    private final HttpCheckDefinition definition;
    private final CheckTarget target;
    private final EventLoop loop;
    private PageFetch fetching;

    HttpChecker(HttpCheckDefinition definition, CheckTarget target, EventLoop loop) {
        this.definition = definition;
        this.target = target;
        this.loop = loop;
    }

    @Override
    public CompletableFuture<CheckOutcome> check() {
        CompletableFuture<CheckOutcome> outcome = new CompletableFuture<>();
        // The engine cancels a probe that outlives its budget: the connection goes with it.
        outcome.whenComplete((result, failure) -> abort());
        fetch(0, outcome);
        return outcome;
    }

    @Override
    public void close() {
        abort();
    }

    private void fetch(int index, CompletableFuture<CheckOutcome> outcome) {
        if (outcome.isDone()) {
            return;
        }
        if (index == definition.urls().size()) {
            outcome.complete(CheckOutcome.up(index == 1 ? "url " + definition.urls().get(0).path() + " answered as expected"
                    : index + " urls answered as expected"));
            return;
        }
        UrlCheck url = definition.urls().get(index);
        PageFetch fetch = PageFetch.start(loop, request(url), SILENT);
        fetching = fetch;
        fetch.result().whenComplete((result, failure) -> {
            if (fetching == fetch) {
                fetching = null;
            }
            if (failure != null) {
                outcome.completeExceptionally(failure);
            } else if (result instanceof FetchFailure) {
                outcome.complete(CheckOutcome.down("url " + url.path() + ": " + result));
            } else {
                Optional<String> wrong = url.failure((Page) result);
                if (wrong.isPresent()) {
                    outcome.complete(CheckOutcome.down("url " + url.path() + ": " + wrong.get()));
                } else {
                    fetch(index + 1, outcome);
                }
            }
        });
    }

    /**
     * The GET of a url: {@code Host} is the url's virtualhost, else the block's, else the address
     * and port checked ({@code [v6]:port} for IPv6), as keepalived writes it.
     */
    private PageRequest request(UrlCheck url) {
        Optional<String> virtualhost = url.virtualhost().or(definition::virtualhost);
        String host = virtualhost.orElseGet(() -> NetUtil.toSocketAddressString(target.address()));
        return new PageRequest(target.address(), target.bindAddress(), target.bindInterface(), target.fwmark(),
                Optional.of(target.connectTimeout()), url.path(), host, definition.protocol(),
                definition.tls() ? Optional.of(ClientTls.context()) : Optional.empty(),
                definition.enableSni() ? virtualhost : Optional.empty(), url.keep());
    }

    private void abort() {
        if (fetching != null) {
            fetching.abort();
            fetching = null;
        }
    }
}
