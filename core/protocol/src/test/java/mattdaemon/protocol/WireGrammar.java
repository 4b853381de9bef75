package mattdaemon.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class WireGrammar {
    @Test
    void statusLinesAreWrittenAsTheDaemonAlwaysHasAndReadBack() {
        assertThat(Wire.ok("logged")).isEqualTo("+OK logged");
        assertThat(Wire.ok("")).isEqualTo("+OK ");
        assertThat(Wire.error(ErrorCode.USAGE, "daemonlogs [N]")).isEqualTo("-ERR USAGE daemonlogs [N]");
        assertThat(Wire.Status.parse("+OK 12 commands")).isEqualTo(new Wire.Status(true, "", "12 commands"));
        assertThat(Wire.Status.parse("+OK")).isEqualTo(new Wire.Status(true, "", ""));
        assertThat(Wire.Status.parse("-ERR AUTH wrong password")).isEqualTo(new Wire.Status(false, "AUTH", "wrong password"));
        assertThat(Wire.Status.parse("-ERR TLS")).isEqualTo(new Wire.Status(false, "TLS", ""));
        assertThat(Wire.Status.parse("-ERR MAXCLIENTS full").line()).isEqualTo("-ERR MAXCLIENTS full");
        assertThatThrownBy(() -> Wire.Status.parse("+OKAY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lineKindsAreToldApartByTheirPrefix() {
        assertThat(Wire.isStatus("+OK x")).isTrue();
        assertThat(Wire.isStatus("-ERR")).isTrue();
        assertThat(Wire.isStatus("+OKAY")).isFalse();
        assertThat(Wire.isStatus("-ERROR x")).isFalse();
        assertThat(Wire.isBody("| a")).isTrue();
        assertThat(Wire.isBody("|")).isTrue();
        assertThat(Wire.bodyText("|")).isEmpty();
        assertThat(Wire.bodyText(Wire.body(" indented"))).isEqualTo(" indented");
        assertThat(Wire.noticeText(Wire.notice(Notice.PLUGINS_CHANGED))).isEqualTo("plugins changed");
        assertThat(Notice.closing("idle timeout")).isEqualTo("idle timeout, closing");
    }

    @Test
    void greetingsRoundTrip() {
        assertThat(new Greeting("1.0.0", false, false).text()).isEqualTo("Matt_daemon 1.0.0 ready");
        assertThat(new Greeting("1.0.0", true, true).text()).isEqualTo("Matt_daemon 1.0.0 ready, TLS required, password required");
        assertThat(Greeting.parse("Matt_daemon 1.0.0 ready, password required")).isEqualTo(new Greeting("1.0.0", false, true));
        assertThat(Greeting.parse("Matt_daemon 2.1 ready, TLS required")).isEqualTo(new Greeting("2.1", true, false));
        assertThatThrownBy(() -> Greeting.parse("OpenSSH ready")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Greeting.parse("Matt_daemon ready")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void helpLinesLineUpAndParseBack() {
        List<HelpLine> commands = List.of(new HelpLine("help", "list commands", "mattdaemon.core"),
                new HelpLine("daemoncrypt", "Base64 [on|off] lines", "mattdaemon.plugin.crypt"));
        List<String> lines = HelpLine.format(commands);
        assertThat(lines).containsExactly(
                "help         list commands  [mattdaemon.core]",
                "daemoncrypt  Base64 [on|off] lines  [mattdaemon.plugin.crypt]");
        assertThat(HelpLine.parseAll(lines)).isEqualTo(commands);
        assertThat(HelpLine.parseAll(List.of("", "  ", "solo"))).containsExactly(new HelpLine("solo", "", ""));
        assertThat(HelpLine.format(List.of())).isEmpty();
    }

    @Test
    void base64LinesRoundTripAnyText() {
        for (String text : List.of("", "hello", "é ü 日本 \uD83D\uDE00", "| body", "a\tb")) {
            assertThat(Base64Lines.decode(Base64Lines.encode(text))).isEqualTo(text);
        }
        assertThat(Base64Lines.encode("hello")).isEqualTo("aGVsbG8=");
        assertThat(Base64Lines.decode("  aGVsbG8=\t")).isEqualTo("hello");
    }

    @Test
    void base64OfBytesThatAreNotUtf8IsRefusedNotReplaced() {
        String badUtf8 = Base64.getEncoder().encodeToString(new byte[] {'a', (byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> Base64Lines.decode(badUtf8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not UTF-8");
        String lone = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        assertThatThrownBy(() -> Base64Lines.decode(lone)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base64Lines.decode("not base64!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionChangesAreReadFromTheReply() {
        assertThat(SessionChange.of(Wire.Status.parse(Wire.ok(SessionChange.codecSwitched(true))))).isEqualTo(new SessionChange.UseBase64(true));
        assertThat(SessionChange.of(Wire.Status.parse("+OK daemoncrypt off: plain lines from now on"))).isEqualTo(new SessionChange.UseBase64(false));
        assertThat(SessionChange.of(Wire.Status.parse(Wire.ok(SessionChange.codecAlready(true))))).isEqualTo(new SessionChange.None());
        assertThat(SessionChange.of(Wire.Status.parse("+OK begin TLS handshake; certificate SHA-256 ab:CD")))
                .isEqualTo(new SessionChange.StartTls("AB:CD"));
        assertThat(SessionChange.of(Wire.Status.parse("+OK authenticated"))).isEqualTo(new SessionChange.Authenticated());
        assertThat(SessionChange.of(Wire.Status.parse("+OK logged"))).isEqualTo(new SessionChange.None());
        assertThat(SessionChange.of(Wire.Status.parse("-ERR TLS " + SessionChange.CODEC_ON))).isEqualTo(new SessionChange.None());
        assertThat(SessionChange.mayChangeWire(" daemoncrypt on")).isTrue();
        assertThat(SessionChange.mayChangeWire("starttls")).isTrue();
        assertThat(SessionChange.mayChangeWire("auth x")).isFalse();
        assertThat(SessionChange.mayChange("auth x")).isTrue();
        assertThat(SessionChange.mayChange("hello daemoncrypt")).isFalse();
    }
}
