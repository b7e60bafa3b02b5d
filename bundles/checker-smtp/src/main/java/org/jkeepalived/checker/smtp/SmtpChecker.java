package org.jkeepalived.checker.smtp;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.netty.channel.EventLoop;
import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;

/** Holds the SMTP dialogue with each server in turn; the first that fails makes the probe fail. */
final class SmtpChecker implements Checker {

    private final List<CheckTarget> targets;
    private final String heloName;
    private final EventLoop loop;
    private SmtpSession session;

    SmtpChecker(List<CheckTarget> targets, String heloName, EventLoop loop) {
        this.targets = targets;
        this.heloName = heloName;
        this.loop = loop;
    }

    @Override
    public CompletableFuture<CheckOutcome> check() {
        CompletableFuture<CheckOutcome> outcome = new CompletableFuture<>();
        outcome.whenComplete((result, failure) -> abort());
        talk(0, outcome);
        return outcome;
    }

    @Override
    public void close() {
        abort();
    }

    private void talk(int index, CompletableFuture<CheckOutcome> outcome) {
        if (outcome.isDone()) {
            return;
        }
        if (index == targets.size()) {
            outcome.complete(CheckOutcome.up(index == 1 ? "greeted, answered HELO and QUIT" : index + " servers answered"));
            return;
        }
        CheckTarget target = targets.get(index);
        SmtpSession current = SmtpSession.start(loop, target, heloName);
        session = current;
        current.failure().whenComplete((failure, error) -> {
            if (session == current) {
                session = null;
            }
            if (error != null) {
                outcome.completeExceptionally(error);
            } else if (failure != null) {
                outcome.complete(CheckOutcome.down(targets.size() == 1 ? failure : target + ": " + failure));
            } else {
                talk(index + 1, outcome);
            }
        });
    }

    private void abort() {
        if (session != null) {
            session.abort();
            session = null;
        }
    }
}
