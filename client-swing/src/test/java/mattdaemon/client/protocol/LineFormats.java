package mattdaemon.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import mattdaemon.protocol.SessionChange;

/** Parsing of status lines, help lines, log lines and session changes, and the Base64 line codec (see also the protocol module's WireGrammar). */
class LineFormats {

    @Test
    void statusLinesSplitIntoCodeAndText() {
        assertThat(Reply.of(List.of("a"), "+OK 1 log lines")).isEqualTo(new Reply.Ok(List.of("a"), "1 log lines"));
        assertThat(Reply.of(List.of(), "+OK")).isEqualTo(new Reply.Ok(List.of(), ""));
        assertThat(Reply.of(List.of(), "-ERR AUTH wrong password")).isEqualTo(new Reply.Error(List.of(), "AUTH", "wrong password"));
        assertThat(Reply.of(List.of(), "-ERR MAXCLIENTS")).isEqualTo(new Reply.Error(List.of(), "MAXCLIENTS", ""));
        assertThat(Reply.isStatus("+OKAY")).isFalse();
        assertThat(Reply.isStatus("| +OK")).isFalse();
        assertThatThrownBy(() -> Reply.of(List.of(), "* notice")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void helpLinesGiveNameSummaryAndModule() {
        Reply help = new Reply.Ok(List.of("daemonlogs  show the last lines of the daemon log  [mattdaemon.core]",
                "mail        send [test] mail  [mattdaemon.plugin.mail]", "bare", "   "), "3 commands");
        assertThat(CommandInfo.fromHelp(help)).containsExactly(
                new CommandInfo("daemonlogs", "show the last lines of the daemon log", "mattdaemon.core"),
                new CommandInfo("mail", "send [test] mail", "mattdaemon.plugin.mail"),
                new CommandInfo("bare", "", ""));
    }

    @Test
    void logLinesSplitIntoTimeLevelAndMessage() {
        assertThat(LogLine.parse("[24/11/2026-18:42:15] [ ERROR ] - Matt_daemon: Error file locked."))
                .isEqualTo(new LogLine("24/11/2026-18:42:15", "ERROR", "Error file locked."));
        assertThat(LogLine.parse("something else")).isEqualTo(new LogLine("", "", "something else"));
    }

    @Test
    void base64CarriesAnyUtf8LineAndRejectsGarbage() {
        String line = "| clé: valeur ✓ | +OK";
        String wire = WireCodec.BASE64.encode(line);
        assertThat(wire).matches("[A-Za-z0-9+/=]+").isEqualTo("fCBjbMOpOiB2YWxldXIg4pyTIHwgK09L");
        assertThat(WireCodec.BASE64.decode(wire)).isEqualTo(line);
        assertThat(WireCodec.BASE64.decode("aGVscA")).isEqualTo("help");
        assertThatThrownBy(() -> WireCodec.BASE64.decode("not base64!")).isInstanceOf(IllegalArgumentException.class);
        assertThat(WireCodec.PLAIN.encode(line)).isEqualTo(line);
    }

    @Test
    void sessionChangesAreReadFromTheReplyText() {
        assertThat(Reply.of(List.of(), "+OK daemoncrypt on: lines are Base64 from now on").change())
                .isEqualTo(new SessionChange.UseBase64(true));
        assertThat(Reply.of(List.of(), "+OK daemoncrypt already on").change()).isEqualTo(new SessionChange.None());
        assertThat(Reply.of(List.of(), "+OK logged").change()).isEqualTo(new SessionChange.None());
        assertThat(Reply.of(List.of(), "-ERR TLS this connection already uses TLS").change()).isEqualTo(new SessionChange.None());
        assertThat(Reply.of(List.of(), "+OK begin TLS handshake; certificate SHA-256 AA:BB").change())
                .isEqualTo(new SessionChange.StartTls("AA:BB"));
    }
}
