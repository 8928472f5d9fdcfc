package io.github.coupapoexport.alerting;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.coupapoexport.ledger.FailingPurchaseOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Tells people when the job cannot do its work (exit 1, 2 and 5), once per distinct problem per
 * {@code alerts.repeat-after}, by webhook and mail; optionally a digest of the POs left rejected (exit 3); and that the
 * problems are resolved when an export ends well again. It runs after the exit code is known and the context is gone,
 * from the settings alone, so that a start that failed is covered like a run that failed. Nothing here changes the
 * exit code: whatever fails is a warning in the log.
 */
public final class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    static final String REJECTIONS = "exit-3:rejections";

    private final AlertProperties settings;

    private final List<AlertChannel> channels;

    private final Redaction redaction;

    private final AlertMessages messages;

    private final JdbcTemplate jobRepository;

    private final Clock clock;

    Alerts(AlertProperties settings, List<AlertChannel> channels, Redaction redaction, String host,
            JdbcTemplate jobRepository, Clock clock) {
        this.settings = settings;
        this.channels = List.copyOf(channels);
        this.redaction = redaction;
        this.messages = new AlertMessages(host, settings.repeatAfter());
        this.jobRepository = jobRepository;
        this.clock = clock;
    }

    /** Sends what {@code end} calls for, with the settings of {@code environment}; never throws. */
    public static void afterRun(ConfigurableEnvironment environment, RunEnd end, PrintStream out) {
        try {
            of(environment, out).ifPresent(alerts -> alerts.afterRun(end));
        }
        catch (RuntimeException unexpected) {
            log.warn("No alert could be sent: {}", unexpected.getClass().getName());
        }
    }

    static Optional<Alerts> of(ConfigurableEnvironment environment, PrintStream out) {
        Binder binder = Binder.get(environment);
        AlertProperties settings;
        try {
            settings = binder.bindOrCreate("alerts", AlertProperties.class);
        }
        catch (BindException unreadable) {
            out.println("coupa-po-export: no alert sent: the settings under '" + unreadable.getName()
                    + "' cannot be read");
            return Optional.empty();
        }
        if (!settings.problems().isEmpty()) {
            out.println("coupa-po-export: no alert sent: " + String.join("; ", settings.problems()));
            return Optional.empty();
        }
        if (!settings.anyChannel()) {
            return Optional.empty();
        }
        Redaction redaction = Redaction.of(environment);
        List<AlertChannel> channels = new ArrayList<>();
        if (settings.webhook().enabled()) {
            channels.add(new WebhookChannel(settings.webhook()));
        }
        if (settings.mail().enabled()) {
            MailProperties smtp = binder.bindOrCreate("spring.mail", MailProperties.class);
            if (smtp.getHost() == null || smtp.getHost().isBlank()) {
                out.println("coupa-po-export: no alert mailed: alerts.mail.to is set, but spring.mail.host is not");
            }
            else {
                channels.add(new MailChannel(smtp, settings.mail(), redaction));
            }
        }
        String url = environment.getProperty("spring.datasource.url");
        JdbcTemplate jobRepository = url == null ? null : new JdbcTemplate(new DriverManagerDataSource(url,
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password")));
        return Optional.of(new Alerts(settings, channels, redaction, hostName(), jobRepository, Clock.systemUTC()));
    }

    void afterRun(RunEnd end) {
        Optional<Problem> problem = Problem.of(end);
        if (problem.isPresent()) {
            alert(problem.get());
        }
        else if (end.exitCode() == 3 && end.exports() && settings.digestOfRejections()) {
            digestOfRejections();
        }
        if (end.exports() && (end.exitCode() == 0 || end.exitCode() == 3) && settings.resolved()) {
            resolve(end.exitCode());
        }
    }

    private void alert(Problem found) {
        // Before the message cuts a long reason: a credential cut in two would no longer be found whole at sending.
        Problem problem = new Problem(found.key(), found.exitCode(), found.what(), redaction.apply(found.reason()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        AlertState.Sighting sighting;
        try {
            sighting = state().seen(problem.key(), now);
        }
        catch (RuntimeException unreachable) {
            // That may well be the problem itself: better a message too many than none.
            log.warn("The job repository could not be reached to check whether alert {} was sent already ({}); "
                    + "sending it anyway", problem.key(), unreachable.getClass().getSimpleName());
            send(messages.problem(problem, null, unreachable.getClass().getSimpleName()));
            return;
        }
        if (!due(sighting, now)) {
            log.info("Alert {} was sent at {}: not again before alerts.repeat-after has passed", problem.key(),
                    sighting.lastSent());
            return;
        }
        if (send(messages.problem(problem, sighting, null))) {
            state().sent(problem.key(), now);
        }
    }

    private void digestOfRejections() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            AlertState.Sighting sighting = state().seen(REJECTIONS, now);
            List<FailingPurchaseOrders.FailingPurchaseOrder> failing = new FailingPurchaseOrders(jobRepository).list();
            if (due(sighting, now) && !failing.isEmpty() && send(messages.rejections(failing))) {
                state().sent(REJECTIONS, now);
            }
        }
        catch (RuntimeException unreachable) {
            log.warn("No digest of the rejected POs: the job repository could not be read ({})",
                    unreachable.getClass().getSimpleName());
        }
    }

    private void resolve(int exitCode) {
        try {
            List<AlertState.Sighting> gone = state().resolveAllBut(exitCode == 3 ? Set.of(REJECTIONS) : Set.of());
            if (!gone.isEmpty()) {
                send(messages.resolved(exitCode, gone));
            }
        }
        catch (RuntimeException unreachable) {
            log.warn("The alerted problems could not be marked resolved: the job repository could not be used ({})",
                    unreachable.getClass().getSimpleName());
        }
    }

    private boolean due(AlertState.Sighting sighting, OffsetDateTime now) {
        return sighting.lastSent() == null || !sighting.lastSent().plus(settings.repeatAfter()).isAfter(now);
    }

    private AlertState state() {
        if (jobRepository == null) {
            throw new IllegalStateException("spring.datasource.url is not set");
        }
        return new AlertState(jobRepository);
    }

    /** @return whether any channel delivered it */
    private boolean send(Alert alert) {
        Alert redacted = redaction.apply(alert);
        boolean delivered = false;
        for (AlertChannel channel : channels) {
            delivered |= channel.send(redacted);
        }
        return delivered;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException ex) {
            return "an unknown host";
        }
    }
}
