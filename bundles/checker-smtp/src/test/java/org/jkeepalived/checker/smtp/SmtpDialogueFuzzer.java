package org.jkeepalived.checker.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of SMTP_CHECK's dialogue with a server: whatever the server sends, in
 * whatever reads, the check ends with a verdict once the connection is gone, no exception escapes
 * the pipeline, and the server passes only if it greeted with 220 and answered HELO with 250.
 */
class SmtpDialogueFuzzer {

    @FuzzTest
    void everyServerGetsAVerdict(FuzzedDataProvider data) {
        CompletableFuture<String> failure = new CompletableFuture<>();
        EmbeddedChannel channel = new EmbeddedChannel(SmtpSession.dialogue(Duration.ofSeconds(5), "checker.example", failure));
        int commandsSent = 0;
        while (data.remainingBytes() > 0 && channel.isOpen()) {
            channel.writeInbound(Unpooled.wrappedBuffer(data.consumeBytes(data.consumeInt(1, 512))));
            channel.checkException();
            for (ByteBuf command; (command = channel.readOutbound()) != null; command.release()) {
                commandsSent++;
            }
        }
        channel.close();
        channel.checkException();
        channel.finishAndReleaseAll();

        assertThat(failure).isDone();
        if (failure.join() == null) {
            assertThat(commandsSent).as("HELO and QUIT sent before passing").isEqualTo(2);
        }
    }
}
