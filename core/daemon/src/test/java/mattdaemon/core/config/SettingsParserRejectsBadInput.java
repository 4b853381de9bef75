package mattdaemon.core.config;

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
                .hasMessage("unknown option: --prot");
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
                .hasMessage("unknown configuration key(s): max-clients");
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
                .hasMessage("port out of range: 65536");
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("", "--max-clients", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max clients must be at least 1: 0");
        assertThatThrownBy(() -> SettingsParser.parse(withConfig("", "--max-line-bytes", "63")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max line bytes must be at least 64: 63");
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
