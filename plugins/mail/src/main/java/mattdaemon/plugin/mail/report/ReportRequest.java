package mattdaemon.plugin.mail.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import mattdaemon.plugin.mail.config.Addresses;
import mattdaemon.plugin.mail.config.MailSettings;

/**
 * A parsed {@code mail <what...> [to <address>[,<address>...]]} request.
 *
 * @param reports the reports wanted, in the order asked, {@code all} expanded
 * @param to      the recipients: those named after {@code to}, else {@code mail.to}
 */
public record ReportRequest(List<String> reports, List<String> to) {
    /** The reports a mail can hold, in the order {@code all} lists them. */
    public static final List<String> REPORTS = List.of("daemoninfo", "machinfo", "servinfo", "daemonlogs");

    /** Copies the lists. */
    public ReportRequest {
        reports = List.copyOf(reports);
        to = List.copyOf(to);
    }

    /**
     * Parses the words after {@code mail}.
     *
     * @throws RequestRefused {@code USAGE} for unknown words, {@code ADDRESS} for a malformed
     *                        address, {@code DENIED} for one {@code mail.allowed_to} does not allow,
     *                        {@code CONFIG} when there is no recipient at all
     */
    public static ReportRequest parse(String arguments, MailSettings settings) throws RequestRefused {
        List<String> words = List.of(arguments.strip().split("\\s+"));
        int toAt = words.indexOf("to");
        List<String> what = toAt < 0 ? words : words.subList(0, toAt);
        Set<String> reports = new LinkedHashSet<>();
        for (String word : what) {
            if (word.equals("all")) {
                reports.addAll(REPORTS);
            } else if (REPORTS.contains(word)) {
                reports.add(word);
            } else {
                throw new RequestRefused("USAGE", "unknown report '" + word + "'; choose from "
                        + String.join(", ", REPORTS) + " or all");
            }
        }
        if (reports.isEmpty()) {
            throw new RequestRefused("USAGE", "say which reports: " + String.join(", ", REPORTS) + " or all");
        }
        List<String> to = toAt < 0 ? settings.to() : recipients(words.subList(toAt + 1, words.size()), settings);
        if (to.isEmpty()) {
            throw new RequestRefused("CONFIG", "no recipient: set mail.to or add 'to <address>'");
        }
        return new ReportRequest(new ArrayList<>(reports), to);
    }

    private static List<String> recipients(List<String> words, MailSettings settings) throws RequestRefused {
        if (words.isEmpty()) {
            throw new RequestRefused("USAGE", "'to' needs an address");
        }
        List<String> to;
        try {
            to = Addresses.parseList(String.join(",", words));
        } catch (IllegalArgumentException e) {
            throw new RequestRefused("ADDRESS", e.getMessage());
        }
        for (String address : to) {
            if (!settings.allows(address)) {
                throw new RequestRefused("DENIED", address + " is not allowed; see mail.allowed_to");
            }
        }
        return to;
    }
}
