package mattdaemon.plugin.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import mattdaemon.api.Command;
import mattdaemon.api.CommandContext;
import mattdaemon.api.PluginAware;
import mattdaemon.api.PluginEnvironment;
import mattdaemon.api.Reply;
import mattdaemon.plugin.mail.report.ReportRequest;
import mattdaemon.plugin.mail.report.RequestRefused;
import mattdaemon.plugin.mail.send.Attachment;
import mattdaemon.plugin.mail.send.OutgoingMail;
import mattdaemon.plugin.mail.send.Outbox;
import mattdaemon.plugin.mail.send.SendFailure;
import mattdaemon.plugin.mail.send.SmtpSender;

/**
 * {@code mail}: {@code mail <reports...> [to <address>]} queues a report mail and answers
 * {@code +OK queued <id>} at once; {@code mail rules} lists the rules and their counters;
 * {@code mail status} lists the queue; {@code mail check} tries the SMTP login now.
 */
public final class MailCommand implements Command, PluginAware {
    /** How long {@code mail check} waits for the server, inside the command's time limit. */
    private static final Duration CHECK_WAIT = Duration.ofSeconds(8);

    private MailParts plugin;

    @Override
    public void attach(PluginEnvironment environment) {
        plugin = MailPlugin.of(environment);
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public String summary() {
        return "mail reports (daemoninfo, machinfo, servinfo, daemonlogs, all); mail rules, status, check";
    }

    @Override
    public String usage() {
        return "mail <daemoninfo|machinfo|servinfo|daemonlogs|all>... [to <address>[,<address>]] | mail rules"
                + " | mail status | mail check";
    }

    @Override
    public Reply execute(CommandContext context, String arguments) {
        return switch (arguments.strip()) {
            case "" -> Reply.error("USAGE", usage());
            case "rules" -> rules();
            case "status" -> status();
            case "check" -> check();
            default -> report(context, arguments);
        };
    }

    private Reply rules() {
        List<String> lines = plugin.rules().describe();
        return Reply.ok(lines.size() + " rule(s)", lines);
    }

    private Reply status() {
        if (plugin.outbox().isEmpty()) {
            return notConfigured();
        }
        Outbox outbox = plugin.outbox().get();
        List<String> lines = new ArrayList<>(outbox.status());
        outbox.lastFailure().ifPresent(f -> lines.add("last failure: mail " + f.id() + " at " + f.at() + ": " + f.reason()));
        return Reply.ok(outbox.size() + " mail(s) queued", lines);
    }

    private Reply check() {
        if (plugin.sender().isEmpty()) {
            return notConfigured();
        }
        SmtpSender sender = plugin.sender().get();
        CompletableFuture<Optional<SendFailure>> outcome = new CompletableFuture<>();
        Thread.ofVirtual().name("mail-check").start(() -> {
            try {
                sender.check();
                outcome.complete(Optional.empty());
            } catch (SendFailure failure) {
                outcome.complete(Optional.of(failure));
            }
        });
        String endpoint = plugin.settings().smtp().orElseThrow().endpoint();
        try {
            Optional<SendFailure> failure = outcome.get(CHECK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (failure.isPresent()) {
                plugin.journal().error("SMTP check failed: " + failure.get().getMessage());
                return Reply.error("SMTP", failure.get().getMessage());
            }
            return Reply.ok("SMTP " + endpoint + " accepts the connection" + (plugin.settings().smtp().get().user().isPresent()
                    ? " and the login" : ""));
        } catch (TimeoutException e) {
            return Reply.error("SMTP", "no outcome from " + endpoint + " within " + CHECK_WAIT.toSeconds() + "s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error("SMTP", "interrupted");
        } catch (ExecutionException e) {
            return Reply.error("SMTP", "check failed: " + e.getCause().getClass().getSimpleName());
        }
    }

    private Reply report(CommandContext context, String arguments) {
        ReportRequest request;
        try {
            request = ReportRequest.parse(arguments, plugin.settings());
        } catch (RequestRefused refused) {
            return Reply.error(refused.code(), refused.getMessage());
        }
        if (plugin.outbox().isEmpty()) {
            return notConfigured();
        }
        String body = plugin.reports().body(context, request.reports());
        Attachment log = new Attachment(context.status().logFile().getFileName().toString(), context.status().logFile(),
                plugin.settings().attachmentLimit());
        OutgoingMail mail = new OutgoingMail(request.to(), plugin.reports().subject(request.reports()), body, Optional.of(log));
        Outbox outbox = plugin.outbox().get();
        Optional<Outbox.Failure> before = outbox.lastFailure();
        Optional<String> id = outbox.submit(mail);
        if (id.isEmpty()) {
            return Reply.error("BUSY", "the mail queue is full (" + plugin.settings().queueLimit() + "); try later");
        }
        List<String> lines = new ArrayList<>();
        lines.add("to: " + String.join(", ", request.to()));
        lines.add("reports: " + String.join(", ", request.reports()));
        before.ifPresent(f -> lines.add("warning: the last mail (" + f.id() + ") failed: " + f.reason()));
        return Reply.ok("queued " + id.get(), lines);
    }

    private static Reply notConfigured() {
        return Reply.error("CONFIG", "mail is not configured: set mail.smtp.host (see the mail plugin's README)");
    }
}
