package mattdaemon.plugin.mail.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The bookkeeping of one rule, with the clock in the test's hands. */
class RateLimitHoldsBackAFlood {
    static final Instant T0 = Instant.parse("2026-11-24T18:00:00Z");

    static Occurrence message(String text, Instant at) {
        return new Occurrence(EventKind.MESSAGE, at, text, "message from p: " + text);
    }

    static RuleState state(String rate, String batch) {
        return new RuleState(RuleParser.parse(Map.of("rule.r.event", "message", "rule.r.rate", rate,
                "rule.r.batch", batch)).getFirst());
    }

    @Test
    void withinTheRateEachEventIsMailedAtOnce() {
        RuleState state = state("2/10s", "0s");
        assertThat(state.offer(message("one", T0), T0)).contains(T0);
        assertThat(state.flush(T0, false)).isInstanceOf(RuleState.Flush.Send.class);
        assertThat(state.offer(message("two", T0), T0)).contains(T0);
        assertThat(state.flush(T0, false)).isInstanceOf(RuleState.Flush.Send.class);
        assertThat(state.mails()).isEqualTo(2);
        assertThat(state.throttled()).isZero();
    }

    @Test
    void pastTheRateEventsWaitAndGoTogetherWhenTheWindowFrees() {
        RuleState state = state("2/10s", "0s");
        for (int i = 0; i < 2; i++) {
            state.offer(message("m" + i, T0), T0);
            state.flush(T0, false);
        }
        Instant t1 = T0.plusSeconds(1);
        assertThat(state.offer(message("m2", t1), t1)).contains(t1);
        RuleState.Flush later = state.flush(t1, false);
        assertThat(later).isEqualTo(new RuleState.Flush.Later(T0.plusSeconds(10)));
        // the flood goes on: every further event joins the held batch, no new flush is planned
        for (int i = 3; i < 50; i++) {
            assertThat(state.offer(message("m" + i, t1), t1)).isEmpty();
        }
        assertThat(state.flush(T0.plusSeconds(10), false)).isInstanceOfSatisfying(RuleState.Flush.Send.class, send -> {
            assertThat(send.count()).isEqualTo(48);
            assertThat(send.events().getFirst().subject()).isEqualTo("m2");
            assertThat(send.held()).isEqualTo(48);
        });
        assertThat(state.matched()).isEqualTo(50);
        assertThat(state.mails()).isEqualTo(3);
        assertThat(state.throttled()).as("m2 to m49, each counted once").isEqualTo(48);
        assertThat(state.describe()).contains("fired 50, mails 3, throttled 48, waiting 0");
    }

    @Test
    void theWindowSlides() {
        RuleState state = state("1/10s", "0s");
        state.offer(message("a", T0), T0);
        state.flush(T0, false);
        Instant t9 = T0.plusSeconds(9);
        state.offer(message("b", t9), t9);
        assertThat(state.flush(t9, false)).isEqualTo(new RuleState.Flush.Later(T0.plusSeconds(10)));
        assertThat(state.flush(T0.plusSeconds(10), false)).isInstanceOf(RuleState.Flush.Send.class);
        Instant t15 = T0.plusSeconds(15);
        state.offer(message("c", t15), t15);
        assertThat(state.flush(t15, false)).isEqualTo(new RuleState.Flush.Later(T0.plusSeconds(20)));
    }

    @Test
    void shutdownSendsWhatIsHeldRegardlessOfTheRate() {
        RuleState state = state("1/1h", "0s");
        state.offer(message("a", T0), T0);
        state.flush(T0, false);
        state.offer(message("b", T0), T0);
        assertThat(state.flush(T0, false)).isInstanceOf(RuleState.Flush.Later.class);
        assertThat(state.flush(T0, true)).isInstanceOfSatisfying(RuleState.Flush.Send.class,
                send -> assertThat(send.held()).isEqualTo(1));
        assertThat(state.flush(T0, true)).isInstanceOf(RuleState.Flush.Idle.class);
    }

    @Test
    void aHugeBatchListsAHundredAndCountsTheRest() {
        RuleState state = state("1/1h", "1m");
        for (int i = 0; i < 1000; i++) {
            state.offer(message("m" + i, T0), T0);
        }
        assertThat(state.flush(T0.plus(Duration.ofMinutes(1)), false)).isInstanceOfSatisfying(RuleState.Flush.Send.class,
                send -> {
                    assertThat(send.events()).hasSize(RuleState.MAX_LISTED);
                    assertThat(send.omitted()).isEqualTo(1000 - RuleState.MAX_LISTED);
                });
    }
}
