package mattdaemon.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import mattdaemon.api.LineCodec;
import mattdaemon.api.Reply;
import org.junit.jupiter.api.Test;

/** Every line written, status, body and notice alike, goes through the session's codec. */
final class ReplyWriterAppliesTheCodec {
    /** Base64 of the UTF-8 bytes, as {@code daemoncrypt} does. */
    private static final LineCodec BASE64 = new LineCodec() {
        @Override
        public String name() {
            return "base64";
        }

        @Override
        public String encode(String line) {
            return Base64.getEncoder().encodeToString(line.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String decode(String wireLine) {
            return new String(Base64.getDecoder().decode(wireLine), StandardCharsets.UTF_8);
        }
    };

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ReplyWriter writer = new ReplyWriter(out);

    private List<String> decodedLines() {
        return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n")).map(BASE64::decode).toList();
    }

    @Test
    void plainIsTheStartingCodec() {
        assertThat(writer.codec()).isSameAs(LineCodec.PLAIN);
    }

    @Test
    void everyLineIsEncoded() throws IOException {
        writer.useCodec(BASE64);
        assertThat(writer.codec()).isSameAs(BASE64);
        writer.reply(Reply.ok("done", List.of("body é")));
        writer.reply(Reply.error("DENIED", "no"));
        writer.notice("shutting down");

        String wire = out.toString(StandardCharsets.UTF_8);
        assertThat(wire).doesNotContain("+OK", "| ", "-ERR", "* ");
        assertThat(decodedLines()).containsExactly("| body é", "+OK done", "-ERR DENIED no", "* shutting down");
    }

    @Test
    void lineEndsAreEscapedBeforeEncoding() throws IOException {
        writer.useCodec(BASE64);
        writer.reply(Reply.ok("a\nb"));
        assertThat(decodedLines()).containsExactly("+OK a\\nb");
    }

    @Test
    void switchingAppliesToTheLinesAfter() throws IOException {
        writer.reply(Reply.ok("switching"));
        writer.useCodec(BASE64);
        writer.reply(Reply.ok("switched"));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("+OK switching");
        assertThat(BASE64.decode(lines[1])).isEqualTo("+OK switched");
    }
}
