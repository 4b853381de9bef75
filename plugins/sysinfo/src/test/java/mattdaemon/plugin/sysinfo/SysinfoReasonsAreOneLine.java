package mattdaemon.plugin.sysinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import mattdaemon.api.DaemonStatus;
import mattdaemon.api.PluginEnvironment;
import mattdaemon.api.Reply;
import org.junit.jupiter.api.Test;

class SysinfoReasonsAreOneLine {

    @Test
    void aPlainFailureGivesItsTypeAndMessage() {
        assertThat(SysinfoFailures.reason(new UnsupportedOperationException("Operating system not supported: z/OS")))
                .isEqualTo("UnsupportedOperationException: Operating system not supported: z/OS");
    }

    @Test
    void wrappersGiveWayAndTheRootCauseIsNamed() {
        assertThat(SysinfoFailures.reason(new RuntimeException(new IOException("Permission denied"))))
                .isEqualTo("IOException: Permission denied");
        assertThat(SysinfoFailures.reason(new ExceptionInInitializerError(new IllegalStateException("no /proc"))))
                .isEqualTo("IllegalStateException: no /proc");
        NoClassDefFoundError again = new NoClassDefFoundError("Could not initialize class X");
        again.initCause(new ExceptionInInitializerError("Exception java.lang.UnsatisfiedLinkError: gone"));
        assertThat(SysinfoFailures.reason(again)).isEqualTo(
                "NoClassDefFoundError: Could not initialize class X (ExceptionInInitializerError: Exception java.lang.UnsatisfiedLinkError: gone)");
    }

    @Test
    void linesAreFoldedAndBounded() {
        assertThat(SysinfoFailures.reason(new IllegalStateException("two\nlines\r\n\tthere"))).isEqualTo("IllegalStateException: two lines there");
        assertThat(SysinfoFailures.reason(new IllegalStateException("x".repeat(1000)))).hasSize(300).endsWith("...");
    }

    @Test
    void answerTurnsLinkageErrorsIntoSysinfoRepliesAndTracesEachReasonOnce() {
        List<String> logged = new ArrayList<>();
        SysinfoFailures failures = new SysinfoFailures();
        failures.attach(new RecordingEnvironment(logged));
        for (int i = 0; i < 2; i++) {
            Reply reply = failures.answer("machinfo cpu", () -> {
                throw new UnsatisfiedLinkError("no jnidispatch");
            });
            assertThat(reply).isEqualTo(Reply.error("SYSINFO", "UnsatisfiedLinkError: no jnidispatch"));
        }
        assertThat(logged).containsExactly("machinfo cpu failed: UnsatisfiedLinkError: no jnidispatch (traced)",
                "machinfo cpu failed: UnsatisfiedLinkError: no jnidispatch");
        assertThat(failures.answer("machinfo", () -> Reply.ok("fine"))).isEqualTo(Reply.ok("fine"));
    }

    /** Collects what a plugin logs; the daemon's own environment writes the same calls to its log. */
    private record RecordingEnvironment(List<String> errors) implements PluginEnvironment {
        @Override
        public String pluginName() {
            return "test";
        }

        @Override
        public Map<String, String> settings() {
            return Map.of();
        }

        @Override
        public java.nio.file.Path stateDirectory() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void log(String message) {
            errors.add("INFO " + message);
        }

        @Override
        public void logError(String message, Throwable cause) {
            errors.add(message + (cause == null ? "" : " (traced)"));
        }

        @Override
        public DaemonStatus status() {
            throw new UnsupportedOperationException();
        }
    }
}
