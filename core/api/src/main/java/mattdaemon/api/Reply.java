package mattdaemon.api;

import java.util.List;

/**
 * The answer to one request: zero or more body lines, then one status line
 * ({@code +OK text} or {@code -ERR CODE text}).
 */
public sealed interface Reply permits Reply.Ok, Reply.Error {

    /** The body lines, sent as {@code | line} before the status line. */
    List<String> body();

    /** The status text after {@code +OK} or after the error code. */
    String text();

    /** A successful reply. */
    record Ok(String text, List<String> body) implements Reply {
        /** Copies the body so the reply stays immutable. */
        public Ok {
            body = List.copyOf(body);
        }
    }

    /**
     * A failed reply; {@code code} is one upper-case word clients can switch on
     * (e.g. {@code USAGE}, {@code DENIED}, {@code PLUGIN}).
     */
    record Error(String code, String text, List<String> body) implements Reply {
        /** Validates the code and copies the body. */
        public Error {
            if (!code.matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException("error code must be an upper-case word: " + code);
            }
            body = List.copyOf(body);
        }
    }

    /** {@code +OK text} without a body. */
    static Reply ok(String text) {
        return new Ok(text, List.of());
    }

    /** {@code +OK text} after the given body lines. */
    static Reply ok(String text, List<String> body) {
        return new Ok(text, body);
    }

    /** {@code -ERR code text} without a body. */
    static Reply error(String code, String text) {
        return new Error(code, text, List.of());
    }
}
