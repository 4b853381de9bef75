package mattdaemon.client.protocol;

import java.util.List;

import mattdaemon.protocol.SessionChange;
import mattdaemon.protocol.Wire;

/**
 * One complete reply: the body lines (without their {@code "| "} prefix) and the status line.
 */
public sealed interface Reply {

    /** Body lines, in order, without the {@code "| "} prefix. */
    List<String> body();

    /** The text after {@code +OK} or after the error code. */
    String text();

    /** Whether the status line was {@code +OK}. */
    default boolean ok() {
        return this instanceof Ok;
    }

    /** The status line as it came over the wire. */
    String statusLine();

    /** The status line's parts. */
    default Wire.Status status() {
        return switch (this) {
            case Ok ok -> new Wire.Status(true, "", ok.text());
            case Error error -> new Wire.Status(false, error.code(), error.text());
        };
    }

    /** What this reply says changed in the session, when it answers a request that may change it. */
    default SessionChange change() {
        return SessionChange.of(status());
    }

    /** {@code +OK text}. */
    record Ok(List<String> body, String text) implements Reply {
        /** Copies the body. */
        public Ok {
            body = List.copyOf(body);
        }

        @Override
        public String statusLine() {
            return text.isEmpty() ? Wire.OK : Wire.ok(text);
        }
    }

    /** {@code -ERR CODE text}. */
    record Error(List<String> body, String code, String text) implements Reply {
        /** Copies the body. */
        public Error {
            body = List.copyOf(body);
        }

        @Override
        public String statusLine() {
            return text.isEmpty() ? Wire.ERR + " " + code : Wire.error(code, text);
        }
    }

    /** Whether a line ends a reply ({@code +OK ...} or {@code -ERR ...}). */
    static boolean isStatus(String line) {
        return Wire.isStatus(line);
    }

    /**
     * The reply made of {@code body} and the status line {@code status}.
     *
     * @throws IllegalArgumentException when {@code status} is not a status line
     */
    static Reply of(List<String> body, String status) {
        Wire.Status parsed = Wire.Status.parse(status);
        return parsed.ok() ? new Ok(body, parsed.text()) : new Error(body, parsed.code(), parsed.text());
    }
}
