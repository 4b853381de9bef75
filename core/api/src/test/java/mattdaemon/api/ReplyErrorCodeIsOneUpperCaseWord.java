package mattdaemon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Clients switch on the code after {@code -ERR}, so it is always one upper-case word. */
final class ReplyErrorCodeIsOneUpperCaseWord {

    @Test
    void upperCaseWordsWithDigitsAndUnderscoresAreAccepted() {
        for (String code : List.of("USAGE", "DENIED", "PLUGIN", "MAXCLIENTS", "E2BIG", "NOT_FOUND", "X")) {
            assertThat(Reply.error(code, "text")).isInstanceOfSatisfying(Reply.Error.class,
                    e -> assertThat(e.code()).isEqualTo(code));
        }
    }

    @Test
    void anythingElseIsRefused() {
        for (String code : List.of("", "usage", "Usage", "TWO WORDS", "2FAST", "_X", "BAD-CODE", "CODE\n+OK",
                "ÉCHEC")) {
            assertThatThrownBy(() -> Reply.error(code, "text"))
                    .as("code %s", code)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("error code must be an upper-case word");
        }
    }
}
