package mattdaemon.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake on the command line or in the file is an error that says what is wrong. */
final class SettingsParserRejectsBadInput {
    @TempDir
    Path temp;

    private List<String> withConfig(String text, String... options) throws IOException {
        Path file = Files.writeString(temp.resolve("matt_daemon.conf"), text);
        return java.util.stream.Stream.concat(List.of("--config", file.toString()).stream(), List.of(options).stream())
                .toList();
    }

    @Test
    void unknownOption() throws IOException {
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("", "--prot", "4242")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown option: --prot (did you mean --port?)");
    }

    @Test
    void optionWithoutItsValue() throws IOException {
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("", "--port")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--port needs a value");
        assertThatThrownBy(() -> SettingsParser.parse(List.of("--config")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--config needs a value");
    }

    @Test
    void unknownKeyInTheFile() throws IOException {
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("port = 1\ncolour = blue\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown configuration key(s): colour");
    }

    @Test
    void optionSpellingIsNotAFileKey() throws IOException {
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("max-clients = 2\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown configuration key(s): max-clients (did you mean max_clients?)");
    }

    @Test
    void badNumberInAnOption() throws IOException {
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("", "--port", "42x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port is not a number: 42x");
    }

    @Test
    void badNumberInTheFile() throws IOException {
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("max_clients = three\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max_clients is not a number: three");
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("ready_timeout_seconds =\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ready_timeout_seconds is not a number: ");
    }

    @Test
    void badBoolean() throws IOException {
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("tls_required = maybe\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tls_required is not true or false: maybe");
    }

    @Test
    void numbersOutOfRange() throws IOException {
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("", "--port", "65536")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be from 0 to 65535: 65536");
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("", "--max-clients", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max_clients must be from 1 to 256: 0");
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("", "--max-line-bytes", "63")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max_line_bytes must be from 64 to 1048576: 63");
    }

    @Test
    void everyNumberHasAnUpperBound() throws IOException {
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("", "--max-line-bytes", "2147483647")))
                .hasMessage("max_line_bytes must be from 64 to 1048576: 2147483647");
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("max_line_bytes = 300000000\n")))
                .hasMessage("max_line_bytes must be from 64 to 1048576: 300000000");
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("", "--max-clients", "99999999999")))
                .hasMessage("max_clients must be from 1 to 256: 99999999999");
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("idle_timeout_seconds = 86401\n")))
                .hasMessage("idle_timeout_seconds must be from 1 to 86400: 86401");
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("", "--auth-grace", "0")))
                .hasMessage("auth_grace_seconds must be from 1 to 3600: 0");
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("", "--ready-timeout", "601")))
                .hasMessage("ready_timeout_seconds must be from 1 to 600: 601");
        // and every numeric key has a range
        assertThat(SettingsParser.RANGES.keySet()).containsExactlyInAnyOrder("port", "max_clients", "max_line_bytes",
                "ready_timeout_seconds", "idle_timeout_seconds", "auth_grace_seconds", "line_timeout_seconds",
                "log_backlog_kib", "log_rotate_kib", "log_rotate_keep");
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("", "--line-timeout", "0")))
                .hasMessage("line_timeout_seconds must be from 1 to 3600: 0");
    }

    @Test
    void theLargestValuesAreAccepted() throws IOException {
        Settings settings = SettingsParser.parse(withConfig("max_line_bytes = 1048576\nmax_clients = 256\n"));
        assertThat(settings.maxLineBytes()).isEqualTo(1 << 20);
        assertThat(settings.maxClients()).isEqualTo(256);
    }

    @Test
    void didYouMeanNamesTheClosestKey() throws IOException {
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("max_line_byte = 100\n")))
                .hasMessage("unknown configuration key(s): max_line_byte (did you mean max_line_bytes?)");
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("idle_timeout = 100\n")))
                .hasMessage("unknown configuration key(s): idle_timeout (did you mean idle_timeout_seconds?)");
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("", "--check-confg")))
                .hasMessage("unknown option: --check-confg (did you mean --check-config?)");
    }

    @Test
    void bindTakesAnAddressNotAName() throws IOException {
        assertThat(SettingsParser.parse(withConfig("bind = 127.0.0.1\n")).bind())
                .contains(java.net.InetAddress.getLoopbackAddress());
        assertThat(SettingsParser.parse(withConfig("", "--bind", "::1")).bind().orElseThrow().getHostAddress())
                .isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(SettingsParser.parse(withConfig("")).bind()).isEmpty();
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("bind = example.org\n")))
                .hasMessage("bind is not an IP address: example.org");
    }

    @Test
    void configurationFileNamedButMissing() {
        Path missing = temp.resolve("nope.conf");
        assertThatThrownBy(() -> SettingsParser.parse(List.of("--config", missing.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("configuration file not found: " + missing);
    }

    @Test
    void unreadableConfigurationFileIsNamed() {
        assertThatThrownBy(() -> SettingsParser.parse(List.of("--config", temp.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read configuration file " + temp + ": Is a directory");
    }

    @Test
    void configurationFileThatIsNotUtf8IsNamed() throws IOException {
        Path file = Files.write(temp.resolve("latin1.conf"), new byte[] {'p', 'o', 'r', 't', '=', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> SettingsParser.parse(List.of("--config", file.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("configuration file is not valid UTF-8: " + file);
    }

    @Test
    void malformedEscapeInTheFileIsNamed() throws IOException {
        Path file = Files.writeString(temp.resolve("escape.conf"), "log_file = /var/log/\\u12\n");
        assertThatThrownBy(() -> SettingsParser.parse(List.of("--config", file.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read configuration file " + file + ": ");
    }
}
