package org.jkeepalived.checker.smtp;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.jkeepalived.checker.sockets.SocketFailures;

/**
 * keepalived's SMTP dialogue on one connection (RFC 5321 sections 3.1, 4.1.1.1 and 4.1.1.10): the
 * server greets with 220, {@code HELO} gets 250, and {@code QUIT} gets an answer. Takes whole lines;
 * completes with the failure, or null when the server passed.
 */
final class SmtpDialogue extends ChannelInboundHandlerAdapter {

    /** What the server is to say next, and how each way of failing it is told. */
    private enum Step {
        GREETING(220, "no greeting", "greeted with", "before greeting"),
        HELO(250, "no answer to HELO", "answered HELO with", "before answering HELO"),
        QUIT(-1, "no answer to QUIT", "answered QUIT with", "before answering QUIT"),
        DONE(-1, "", "", "");

        private final int expected;
        private final String silent;
        private final String answered;
        private final String closed;

        Step(int expected, String silent, String answered, String closed) {
            this.expected = expected;
            this.silent = silent;
            this.answered = answered;
            this.closed = closed;
        }
    }

    private final String heloName;
    private final String timeout;
    private final CompletableFuture<String> failure;
    private Step step = Step.GREETING;

    /**
     * @param heloName the name to send with HELO
     * @param timeout how long the server may take to answer, for messages
     * @param failure completed with why the server failed, or with null when it passed
     */
    SmtpDialogue(String heloName, String timeout, CompletableFuture<String> failure) {
        this.heloName = heloName;
        this.timeout = timeout;
        this.failure = failure;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        ByteBuf line = (ByteBuf) message;
        String text;
        try {
            text = line.toString(StandardCharsets.ISO_8859_1);
        } finally {
            line.release();
        }
        if (step == Step.DONE) {
            return;
        }
        SmtpReply reply = SmtpReply.parse(text).orElse(null);
        if (reply == null) {
            end(ctx, step.answered + " '" + printable(text) + "', which is no SMTP reply");
            return;
        }
        if (!reply.last()) {
            return;
        }
        if (step.expected > 0 && reply.code() != step.expected) {
            end(ctx, step.answered + " '" + printable(text) + "', expected " + step.expected);
        } else if (step == Step.GREETING) {
            send(ctx, "HELO " + heloName);
            step = Step.HELO;
        } else if (step == Step.HELO) {
            send(ctx, "QUIT");
            step = Step.QUIT;
        } else {
            end(ctx, null);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (step != Step.DONE) {
            end(ctx, "closed the connection " + step.closed);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof ReadTimeoutException) {
            end(ctx, step.silent + " within " + timeout);
        } else if (cause instanceof TooLongFrameException) {
            end(ctx, step.answered + " a line longer than " + SmtpSession.MAX_LINE + " characters");
        } else {
            end(ctx, "read failed: " + SocketFailures.reason(cause));
        }
    }

    private static void send(ChannelHandlerContext ctx, String command) {
        ctx.writeAndFlush(Unpooled.copiedBuffer(command + "\r\n", StandardCharsets.US_ASCII));
    }

    private void end(ChannelHandlerContext ctx, String why) {
        step = Step.DONE;
        failure.complete(why);
        ctx.close();
    }

    private static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
