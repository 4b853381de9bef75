package mattdaemon.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration file the package installs ({@code distribution/src/etc/matt_daemon.conf})
 * lists every key of the daemon, commented out, with its real default: uncommenting every line
 * changes nothing.
 */
final class ShippedConfigurationFileListsEveryKey {
    private static final Path SHIPPED = Path.of("../../distribution/src/etc/matt_daemon.conf");
    private static final Pattern COMMENTED_KEY = Pattern.compile("^#([a-z_.]+) =(.*)$");

    @TempDir
    Path temp;

    @Test
    void everyKeyIsThereWithItsDefault() throws IOException {
        List<String> lines = Files.readAllLines(SHIPPED);
        List<String> keys = lines.stream().map(COMMENTED_KEY::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).filter(k -> !k.contains(".")).toList();
        assertThat(keys).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(SettingsParser.keys());

        List<String> uncommented = lines.stream()
                .map(l -> COMMENTED_KEY.matcher(l).matches() ? l.substring(1) : l).toList();
        Path config = Files.write(temp.resolve("matt_daemon.conf"), uncommented);
        Settings parsed = SettingsParser.parse(List.of("--config", config.toString()));
        Settings d = Settings.defaults();
        assertThat(parsed).isEqualTo(new Settings(d.port(), d.bind(), d.maxClients(), d.maxLineBytes(), d.lockFile(),
                d.logFile(), d.pluginDir(), d.foreground(), d.readyTimeout(), d.stateDir(),
                parsed.pluginSettings(), d.idleTimeout(), d.authGrace(), d.tlsRequired(), d.lineTimeout(), d.log()));
        assertThat(mattdaemon.core.log.SyslogForwarding.Target.from(parsed.pluginSettings())).isEmpty();
    }
}
