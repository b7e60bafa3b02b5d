package org.jkeepalived.checker.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import org.junit.jupiter.api.Test;

/** The dialogue's bytes on the wire, and how each reply is judged, including multi-line replies. */
class SmtpDialogueTest {

    private final CompletableFuture<String> failure = new CompletableFuture<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(new LineBasedFrameDecoder(SmtpSession.MAX_LINE, true, true),
            new SmtpDialogue("lb1.example.test", "5 s", failure));

    private String server(String lines) {
        channel.writeInbound(Unpooled.copiedBuffer(lines, StandardCharsets.US_ASCII));
        StringBuilder sent = new StringBuilder();
        for (ByteBuf bytes = channel.readOutbound(); bytes != null; bytes = channel.readOutbound()) {
            sent.append(bytes.toString(StandardCharsets.US_ASCII));
            bytes.release();
        }
        return sent.toString();
    }

    @Test
    void greetingHeloAndQuitAsKeepalivedSendsThem() {
        assertThat(server("220-mail.example.test ESMTP\r\n")).as("a greeting goes on").isEmpty();
        assertThat(server("220 ready\r\n")).isEqualTo("HELO lb1.example.test\r\n");
        assertThat(server("250 mail.example.test\r\n")).isEqualTo("QUIT\r\n");
        assertThat(failure).isNotDone();

        server("221 bye\r\n");

        assertThat(failure).isCompletedWithValue(null);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aGreetingOtherThan220IsDown() {
        server("554 no service here\r\n");

        assertThat(failure).isCompletedWithValue("greeted with '554 no service here', expected 220");
    }

    @Test
    void aHeloRefusedIsDown() {
        server("220 ready\r\n");
        server("501 who are you\r\n");

        assertThat(failure).isCompletedWithValue("answered HELO with '501 who are you', expected 250");
    }

    @Test
    void somethingThatIsNotSmtpIsDown() {
        server("SSH-2.0-OpenSSH_9.2\r\n");

        assertThat(failure).isCompletedWithValue("greeted with 'SSH-2.0-OpenSSH_9.2', which is no SMTP reply");
    }

    @Test
    void aServerThatHangsUpIsDown() {
        server("220 ready\r\n");
        channel.close();

        assertThat(failure).isCompletedWithValue("closed the connection before answering HELO");
    }
}
