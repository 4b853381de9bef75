package mattdaemon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A reply is immutable: changing the list it was built from changes nothing. */
final class ReplyBodyIsACopy {

    @Test
    void laterChangesToTheSourceListAreNotSeen() {
        List<String> lines = new ArrayList<>(List.of("one"));
        Reply ok = Reply.ok("1 line", lines);
        Reply error = new Reply.Error("PLUGIN", "failed", lines);
        lines.add("two");
        assertThat(ok.body()).containsExactly("one");
        assertThat(error.body()).containsExactly("one");
    }

    @Test
    void bodyCannotBeChangedThroughTheReply() {
        Reply ok = Reply.ok("1 line", List.of("one"));
        assertThatThrownBy(() -> ok.body().add("two")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shortFormsHaveNoBody() {
        assertThat(Reply.ok("done").body()).isEmpty();
        assertThat(Reply.ok("done").text()).isEqualTo("done");
        assertThat(Reply.error("USAGE", "quit").body()).isEmpty();
        assertThat(Reply.error("USAGE", "quit").text()).isEqualTo("quit");
    }
}
