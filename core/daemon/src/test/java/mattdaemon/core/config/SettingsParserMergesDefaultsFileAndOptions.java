package mattdaemon.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults, then the configuration file, then options: each one overrides the one before. */
final class SettingsParserMergesDefaultsFileAndOptions {
    @TempDir
    Path temp;

    private Path config(String text) throws IOException {
        return Files.writeString(temp.resolve("matt_daemon.conf"), text);
    }

    @Test
    void withoutAnythingTheDocumentedDefaultsApply() throws IOException {
        assumeFalse(Files.exists(SettingsParser.DEFAULT_CONFIG), "a configuration file is installed here");
        Settings settings = SettingsParser.parse(List.of());
        assertThat(settings).isEqualTo(Settings.defaults());
        assertThat(settings.port()).isEqualTo(4242);
        assertThat(settings.maxClients()).isEqualTo(3);
        assertThat(settings.maxLineBytes()).isEqualTo(65536);
        assertThat(settings.lockFile()).isEqualTo(Path.of("/var/lock/matt_daemon.lock"));
        assertThat(settings.logFile()).isEqualTo(Path.of("/var/log/matt_daemon/matt_daemon.log"));
        assertThat(settings.pluginDir()).isEqualTo(Path.of("/usr/lib/matt_daemon/plugins"));
        assertThat(settings.foreground()).isFalse();
        assertThat(settings.readyTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.stateDir()).isEqualTo(Path.of("/var/lib/matt_daemon"));
        assertThat(settings.pluginSettings()).isEmpty();
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.authGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.tlsRequired()).isFalse();
    }

    @Test
    void configurationFileValuesReplaceDefaults() throws IOException {
        Path file = config("""
                # comments and blank lines are fine

                port = 5000
                max_clients=7
                max_line_bytes : 128
                lock_file = /run/md.lock
                log_file = /srv/log/md.log
                plugin_dir = /opt/md/plugins
                state_dir = /srv/state
                ready_timeout_seconds = 5
                """);
        Settings settings = SettingsParser.parse(List.of("--config", file.toString()));
        assertThat(settings.port()).isEqualTo(5000);
        assertThat(settings.maxClients()).isEqualTo(7);
        assertThat(settings.maxLineBytes()).isEqualTo(128);
        assertThat(settings.lockFile()).isEqualTo(Path.of("/run/md.lock"));
        assertThat(settings.logFile()).isEqualTo(Path.of("/srv/log/md.log"));
        assertThat(settings.pluginDir()).isEqualTo(Path.of("/opt/md/plugins"));
        assertThat(settings.stateDir()).isEqualTo(Path.of("/srv/state"));
        assertThat(settings.readyTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.foreground()).isFalse();
    }

    @Test
    void keysWithADotArePassedToPlugins() throws IOException {
        Path file = config("mail.smtp.host = localhost\nport = 5000\n");
        Settings settings = SettingsParser.parse(List.of("--config", file.toString()));
        assertThat(settings.pluginSettings()).containsExactly(Map.entry("mail.smtp.host", "localhost"));
        assertThat(settings.port()).isEqualTo(5000);
    }

    @Test
    void optionsReplaceConfigurationFileValues() throws IOException {
        Path file = config("port = 5000\nmax_clients = 7\nlog_file = /srv/log/md.log\n");
        Settings settings = SettingsParser.parse(List.of("--port", "6000", "--config", file.toString(),
                "--log", "/tmp/other.log", "--foreground"));
        assertThat(settings.port()).isEqualTo(6000);
        assertThat(settings.logFile()).isEqualTo(Path.of("/tmp/other.log"));
        // what no option names keeps the file's value
        assertThat(settings.maxClients()).isEqualTo(7);
        assertThat(settings.foreground()).isTrue();
    }

    @Test
    void everyOptionReachesItsSetting() throws IOException {
        Path file = config("");
        Settings settings = SettingsParser.parse(List.of("--config", file.toString(), "--port", "0",
                "--max-clients", "1", "--max-line-bytes", "64", "--lock", "/a.lock", "--log", "/b.log",
                "--plugins", "/c", "--state", "/d", "--ready-timeout", "2", "--idle-timeout", "60",
                "--auth-grace", "10", "--tls-required", "yes"));
        assertThat(settings.port()).isZero();
        assertThat(settings.maxClients()).isEqualTo(1);
        assertThat(settings.maxLineBytes()).isEqualTo(64);
        assertThat(settings.lockFile()).isEqualTo(Path.of("/a.lock"));
        assertThat(settings.logFile()).isEqualTo(Path.of("/b.log"));
        assertThat(settings.pluginDir()).isEqualTo(Path.of("/c"));
        assertThat(settings.stateDir()).isEqualTo(Path.of("/d"));
        assertThat(settings.readyTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.authGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.tlsRequired()).isTrue();
    }

    @Test
    void theLastOfARepeatedOptionWins() throws IOException {
        Path file = config("");
        assertThat(SettingsParser.parse(List.of("--config", file.toString(), "--port", "1", "--port", "2")).port())
                .isEqualTo(2);
    }

    @Test
    void relativePathsBecomeAbsoluteBecauseTheDaemonRunsInTheRoot() throws IOException {
        Path file = config("lock_file = run/md.lock\n");
        Settings settings = SettingsParser.parse(List.of("--config", file.toString(), "--log", "logs/../md.log"));
        Path cwd = Path.of("").toAbsolutePath();
        assertThat(settings.lockFile()).isEqualTo(cwd.resolve("run/md.lock"));
        assertThat(settings.logFile()).isEqualTo(cwd.resolve("md.log"));
    }
}
