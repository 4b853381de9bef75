package mattdaemon.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Ben_AFK needs no arguments; --host and --port override localhost:4242. */
class CommandLineOptions {

    @Test
    void defaultsAndOverrides() {
        assertThat(Options.parse(List.of())).isEqualTo(new Options("localhost", 4242, false, false));
        assertThat(Options.parse(List.of("--host", "box", "--port", "4300", "--dark")))
                .isEqualTo(new Options("box", 4300, true, false));
        assertThatThrownBy(() -> Options.parse(List.of("--port", "70000"))).hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> Options.parse(List.of("--port"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse(List.of("--nope"))).hasMessageContaining("unknown argument");
    }
}
