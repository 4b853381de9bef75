package mattdaemon.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import mattdaemon.api.Reply;
import org.junit.jupiter.api.Test;

/** Replies are body lines ({@code | }) and one status line; notices start with {@code * }. */
final class ReplyWriterFramesReplies {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ReplyWriter writer = new ReplyWriter(out);

    private String written() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void okWithoutBodyIsOneLine() throws IOException {
        writer.reply(Reply.ok("bye"));
        assertThat(written()).isEqualTo("+OK bye\n");
    }

    @Test
    void bodyLinesComeFirstWithTheirPrefix() throws IOException {
        writer.reply(Reply.ok("2 lines", List.of("first", "", "| already piped")));
        assertThat(written()).isEqualTo("| first\n| \n| | already piped\n+OK 2 lines\n");
    }

    @Test
    void errorCarriesItsCode() throws IOException {
        writer.reply(Reply.error("USAGE", "daemonlogs [count]"));
        writer.reply(new Reply.Error("PLUGIN", "failed", List.of("trace")));
        assertThat(written()).isEqualTo("-ERR USAGE daemonlogs [count]\n| trace\n-ERR PLUGIN failed\n");
    }

    @Test
    void noticeIsPrefixedWithAStar() throws IOException {
        writer.notice("Matt_daemon 1.0.0 ready");
        assertThat(written()).isEqualTo("* Matt_daemon 1.0.0 ready\n");
    }

    @Test
    void lineEndsInsideALineCannotStartANewOne() throws IOException {
        writer.reply(new Reply.Error("BAD", "evil\r\n+OK forged", List.of("a\nb", "c\rd")));
        writer.notice("x\n* y");
        assertThat(written().split("\n", -1)).containsExactly(
                "| a\\nb", "| c\\rd", "-ERR BAD evil\\r\\n+OK forged", "* x\\n* y", "");
        assertThat(written()).doesNotContain("\r");
    }

    @Test
    void nonAsciiTextIsWrittenAsUtf8() throws IOException {
        writer.reply(Reply.ok("café 中 \uD83D\uDE00"));
        assertThat(out.toByteArray()).isEqualTo("+OK café 中 \uD83D\uDE00\n".getBytes(StandardCharsets.UTF_8));
    }
}
