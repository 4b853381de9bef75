package mattdaemon.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** History walks like a shell's; Tab completes command names. */
class ConsoleKeys {

    @Test
    void historyWalksBackAndForthAndKeepsTheDraft() {
        CommandHistory history = new CommandHistory();
        history.add("help");
        history.add("daemoninfo");
        history.add("daemoninfo");
        assertThat(history.previous("dae")).isEqualTo("daemoninfo");
        assertThat(history.previous("daemoninfo")).isEqualTo("help");
        assertThat(history.previous("help")).isEqualTo("help");
        assertThat(history.next()).isEqualTo("daemoninfo");
        assertThat(history.next()).isEqualTo("dae");
        assertThat(history.next()).isEqualTo("dae");
    }

    @Test
    void tabCompletesAUniqueNameOrTheCommonPrefix() {
        List<String> names = List.of("help", "daemoninfo", "daemonlogs", "daemoncrypt", "quit");
        assertThat(CommandCompletion.complete("q", names)).isEqualTo("quit ");
        assertThat(CommandCompletion.complete("d", names)).isEqualTo("daemon");
        assertThat(CommandCompletion.complete("daemonl", names)).isEqualTo("daemonlogs ");
        assertThat(CommandCompletion.complete("x", names)).isEqualTo("x");
        assertThat(CommandCompletion.complete("help d", names)).isEqualTo("help d");
        assertThat(CommandCompletion.candidates("daemon", names)).containsExactly("daemoncrypt", "daemoninfo", "daemonlogs");
    }

    @Test
    void passwordsNeverReachTheScrollback() {
        assertThat(SessionController.masked("auth s3cret")).isEqualTo("auth ********");
        assertThat(SessionController.masked("author says hi")).isEqualTo("author says hi");
    }
}
