package org.example.jkeepalived.redis;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import org.jkeepalived.checker.api.CheckOutcome;

/**
 * One probe's exchange with a Redis server: sends the commands when connected and judges each reply
 * as it comes. The first reply that is not what a healthy server answers ends the probe as down,
 * saying which command got what.
 */
final class RedisDialogue extends SimpleChannelInboundHandler<RespReply> {

    private final List<RespCommand> commands;
    private final Optional<ReplicationRole> expectedRole;
    private final CompletableFuture<CheckOutcome> outcome;
    private int answered;

    RedisDialogue(List<RespCommand> commands, Optional<ReplicationRole> expectedRole, CompletableFuture<CheckOutcome> outcome) {
        this.commands = commands;
        this.expectedRole = expectedRole;
        this.outcome = outcome;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        ByteBuf request = context.alloc().buffer();
        commands.forEach(command -> command.encode(request));
        context.writeAndFlush(request);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, RespReply reply) {
        if (outcome.isDone()) {
            return;
        }
        RespCommand command = commands.get(answered++);
        String failure = judge(command.name(), reply);
        if (failure != null) {
            outcome.complete(CheckOutcome.down(failure));
        } else if (answered == commands.size()) {
            outcome.complete(CheckOutcome.up(expectedRole.map(role -> "Redis PONG, role " + role.keyword()).orElse("Redis PONG")));
        }
    }

    /** @return why the reply is not a healthy server's, or {@code null} if it is */
    private String judge(String command, RespReply reply) {
        if (reply instanceof RespReply.Error error) {
            return command + " refused: " + error.text();
        }
        return switch (command) {
            case "AUTH" -> reply.equals(new RespReply.SimpleString("OK")) ? null : "AUTH answered " + reply;
            case "PING" -> reply.equals(new RespReply.SimpleString("PONG")) ? null : "PING answered " + reply + ", expected PONG";
            case "INFO" -> judgeRole(reply);
            default -> throw new IllegalStateException("no judgement for " + command);
        };
    }

    private String judgeRole(RespReply reply) {
        if (!(reply instanceof RespReply.BulkString info) || info.text() == null) {
            return "INFO replication answered " + reply;
        }
        ReplicationRole expected = expectedRole.orElseThrow();
        Optional<ReplicationRole> actual = ReplicationRole.ofInfo(info.text());
        if (actual.isEmpty()) {
            return "INFO replication has no role line";
        }
        return actual.get() == expected ? null : "role " + actual.get().keyword() + ", expected " + expected.keyword();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (answered < commands.size()) {
            outcome.complete(CheckOutcome.down("connection closed before the reply to " + commands.get(answered).name()));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        outcome.complete(CheckOutcome.down(cause instanceof DecoderException
                ? "not a Redis reply: " + cause.getMessage()
                : "connection failed: " + cause.getMessage()));
    }
}
