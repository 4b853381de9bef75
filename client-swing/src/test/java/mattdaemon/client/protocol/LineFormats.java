package mattdaemon.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Parsing of status lines, help lines, log lines, greetings, and the Base64 line codec. */
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
        assertThat(CommandInfo.parse("daemonlogs  show the last lines of the daemon log  [mattdaemon.core]"))
                .isEqualTo(new CommandInfo("daemonlogs", "show the last lines of the daemon log", "mattdaemon.core"));
        assertThat(CommandInfo.parse("mail        send [test] mail  [mattdaemon.plugin.mail]"))
                .isEqualTo(new CommandInfo("mail", "send [test] mail", "mattdaemon.plugin.mail"));
        assertThat(CommandInfo.parse("bare")).isEqualTo(new CommandInfo("bare", "", ""));
        assertThat(CommandInfo.parse("   ")).isNull();
    }

    @Test
    void logLinesSplitIntoTimeLevelAndMessage() {
        assertThat(LogLine.parse("[24/11/2026-18:42:15] [ ERROR ] - Matt_daemon: Error file locked."))
                .isEqualTo(new LogLine("24/11/2026-18:42:15", "ERROR", "Error file locked."));
        assertThat(LogLine.parse("something else")).isEqualTo(new LogLine("", "", "something else"));
    }

    @Test
    void greetingsSayWhetherAPasswordIsNeeded() {
        assertThat(Greeting.parse("Matt_daemon 1.0.0 ready")).isEqualTo(new Greeting("1.0.0", false));
        assertThat(Greeting.parse("Matt_daemon 1.2.0 ready, password required")).isEqualTo(new Greeting("1.2.0", true));
        assertThatThrownBy(() -> Greeting.parse("Other 1.0 ready")).isInstanceOf(IllegalArgumentException.class);
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
    void onlyCodecAndTlsSwitchesHoldLaterRequests() {
        assertThat(SessionEffect.of("daemoncrypt on")).isEqualTo(SessionEffect.CODEC_BASE64);
        assertThat(SessionEffect.of("daemoncrypt OFF")).isEqualTo(SessionEffect.CODEC_PLAIN);
        assertThat(SessionEffect.of("daemoncrypt")).isEqualTo(SessionEffect.CODEC_TOGGLE);
        assertThat(SessionEffect.of("daemoncrypt on now")).isEqualTo(SessionEffect.NONE);
        assertThat(SessionEffect.of("starttls")).isEqualTo(SessionEffect.STARTTLS);
        assertThat(SessionEffect.of("auth secret")).isEqualTo(SessionEffect.AUTH);
        assertThat(SessionEffect.of("starttls please")).isEqualTo(SessionEffect.NONE);
        assertThat(SessionEffect.STARTTLS.changesWire()).isTrue();
        assertThat(SessionEffect.AUTH.changesWire()).isFalse();
        assertThat(SessionEffect.tookEffect(new Reply.Ok(List.of(), "logged"))).isFalse();
        assertThat(SessionEffect.tookEffect(new Reply.Ok(List.of(), "TLS handshake next"))).isTrue();
    }
}
