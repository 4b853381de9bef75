package mattdaemon.plugin.mail.report;

import java.time.Instant;
import java.util.List;

import mattdaemon.api.CommandContext;
import mattdaemon.api.CommandInfo;
import mattdaemon.api.Reply;

/**
 * Writes a report mail's body from the replies of the daemon's commands ({@code daemoninfo},
 * {@code machinfo}, ...), run through {@link CommandContext#invoke}; a command that is not
 * loaded is reported as such, not as an error.
 */
public final class ReportBuilder {
    private final String host;
    private final int logLines;

    /**
     * @param host     this machine's name
     * @param logLines lines of {@code daemonlogs} quoted
     */
    public ReportBuilder(String host, int logLines) {
        this.host = host;
        this.logLines = logLines;
    }

    /** The subject of a mail holding {@code reports}. */
    public String subject(List<String> reports) {
        return "[Matt_daemon " + host + "] report: " + String.join(", ", reports);
    }

    /** The body: one section per report, in the order asked. */
    public String body(CommandContext context, List<String> reports) {
        List<String> loaded = context.commands().stream().map(CommandInfo::name).toList();
        StringBuilder body = new StringBuilder("Matt_daemon report from ").append(host).append(", ")
                .append(Instant.now()).append(".\n");
        for (String report : reports) {
            body.append("\n== ").append(report).append(" ==\n");
            if (!loaded.contains(report)) {
                body.append(report).append(": not loaded\n");
                continue;
            }
            String line = report.equals("daemonlogs") ? "daemonlogs " + logLines : report;
            switch (context.invoke(line)) {
                case Reply.Ok ok -> ok.body().forEach(l -> body.append(l).append('\n'));
                case Reply.Error error -> body.append(report).append(": error ").append(error.code()).append(' ')
                        .append(error.text()).append('\n');
            }
        }
        body.append("\nThe daemon's log is attached.\n");
        return body.toString();
    }
}
