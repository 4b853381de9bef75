package mattdaemon.core.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command word ends at any whitespace, so a secret after a tab is never taken for a message. */
final class CommandLineEndsTheWordAtAnyWhitespace {

    @Test
    void spaceTabAndOtherWhitespaceEndTheWord() {
        assertThat(CommandLine.parse("auth secret")).isEqualTo(new CommandLine("auth", "secret"));
        assertThat(CommandLine.parse("auth\tsecret")).isEqualTo(new CommandLine("auth", "secret"));
        assertThat(CommandLine.parse("daemonpass\u000bnew secret")).isEqualTo(new CommandLine("daemonpass", "new secret"));
        assertThat(CommandLine.parse("  help \t  mail  ")).isEqualTo(new CommandLine("help", "mail"));
    }

    @Test
    void aLineWithoutArgumentsOrWords() {
        assertThat(CommandLine.parse("quit")).isEqualTo(new CommandLine("quit", ""));
        assertThat(CommandLine.parse(" \t ")).isEqualTo(new CommandLine("", ""));
    }
}
