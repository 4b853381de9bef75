package mattdaemon.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import mattdaemon.api.Reply;
import org.junit.jupiter.api.Test;

/** Replies wait for {@link ReplyWriter#flush()}; notices go out at once; lines never interleave. */
final class ReplyWriterBuffersUntilFlushed {
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();

    @Test
    void replyIsSentOnFlush() throws IOException {
        ReplyWriter writer = new ReplyWriter(new BufferedOutputStream(sink));
        writer.reply(Reply.ok("one"));
        writer.reply(Reply.ok("two"));
        assertThat(sink.size()).isZero();
        writer.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("+OK one\n+OK two\n");
    }

    @Test
    void noticeIsSentAtOnceWithWhatWasBuffered() throws IOException {
        ReplyWriter writer = new ReplyWriter(new BufferedOutputStream(sink));
        writer.reply(Reply.ok("queued"));
        writer.notice("plugins changed");
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("+OK queued\n* plugins changed\n");
    }

    @Test
    void noticesFromAnotherThreadNeverLandInsideAReply() throws Exception {
        ReplyWriter writer = new ReplyWriter(new BufferedOutputStream(sink, 64));
        List<String> body = Collections.nCopies(20, "body");
        CountDownLatch start = new CountDownLatch(1);
        Thread notices = Thread.ofPlatform().start(() -> {
            try {
                start.await();
                for (int i = 0; i < 500; i++) {
                    writer.notice("n" + i);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        start.countDown();
        for (int i = 0; i < 500; i++) {
            writer.reply(Reply.ok("r" + i, body));
        }
        notices.join();
        writer.flush();

        List<String> lines = List.of(sink.toString(StandardCharsets.UTF_8).split("\n"));
        assertThat(lines).hasSize(500 * 22);
        List<String> inReply = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("| ")) {
                inReply.add(line);
            } else if (line.startsWith("+OK ")) {
                assertThat(inReply).as("body before %s", line).hasSize(20);
                inReply.clear();
            } else {
                assertThat(line).startsWith("* n");
                assertThat(inReply).as("notice %s inside a reply", line).isEmpty();
            }
        }
    }
}
