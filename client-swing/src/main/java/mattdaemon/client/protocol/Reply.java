package mattdaemon.client.protocol;

import java.util.List;

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

    /** {@code +OK text}. */
    record Ok(List<String> body, String text) implements Reply {
        /** Copies the body. */
        public Ok {
            body = List.copyOf(body);
        }

        @Override
        public String statusLine() {
            return text.isEmpty() ? "+OK" : "+OK " + text;
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
            return "-ERR " + code + (text.isEmpty() ? "" : " " + text);
        }
    }

    /** Whether a line ends a reply ({@code +OK ...} or {@code -ERR ...}). */
    static boolean isStatus(String line) {
        return line.equals("+OK") || line.startsWith("+OK ") || line.equals("-ERR") || line.startsWith("-ERR ");
    }

    /**
     * The reply made of {@code body} and the status line {@code status}.
     *
     * @throws IllegalArgumentException when {@code status} is not a status line
     */
    static Reply of(List<String> body, String status) {
        if (status.startsWith("+OK")) {
            return new Ok(body, status.length() > 3 ? status.substring(4) : "");
        }
        if (status.startsWith("-ERR")) {
            String rest = status.length() > 4 ? status.substring(5) : "";
            int space = rest.indexOf(' ');
            return space < 0 ? new Error(body, rest, "") : new Error(body, rest.substring(0, space), rest.substring(space + 1));
        }
        throw new IllegalArgumentException("not a status line: " + status);
    }
}
