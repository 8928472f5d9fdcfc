package io.github.coupapoexport.alerting;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.coupapoexport.foundation.Secret;
import io.github.coupapoexport.settings.CheckedSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code alerts.*} keys: who hears about it when the job cannot do its work (exit 1, 2 and 5), since Coupa's own
 * notices only ever cover the POs it could be told about.
 *
 * @param repeatAfter how long a problem stays quiet after its message was sent; seen again after that, it is sent again
 * @param onRejections {@code off} (default) or {@code digest}: at most one message per {@code repeat-after} listing the
 * POs a run left rejected (exit 3), by class
 * @param resolved whether an export that ends with exit 0 or 3 after alerted problems says that they are resolved
 * @param webhook the incoming webhook of a Slack or Microsoft Teams channel
 * @param mail who gets the alerts by e-mail; the SMTP server is Spring Boot's {@code spring.mail.*}
 */
@ConfigurationProperties("alerts")
public record AlertProperties(
        @DefaultValue("6h") Duration repeatAfter,
        @DefaultValue("off") String onRejections,
        @DefaultValue("true") boolean resolved,
        @DefaultValue Webhook webhook,
        @DefaultValue Mail mail) implements CheckedSettings {

    static final Set<String> ON_REJECTIONS = Set.of("off", "digest");

    /**
     * The webhook; off while {@code url} is not set.
     *
     * @param url the webhook's URL; it carries the channel's token, so it is a secret: only its host is ever logged
     * @param format the body: {@code slack} ({@code {"text": ...}}, which Teams' Office 365 connector webhooks take
     * too), {@code teams} (an Office 365 connector MessageCard) or {@code teams-workflow} (an Adaptive Card in
     * {@code attachments}, for a Teams Workflows webhook)
     * @param connectTimeout how long the webhook call waits for a connection
     * @param readTimeout how long the webhook call waits for its answer
     */
    public record Webhook(
            Secret url,
            @DefaultValue("slack") String format,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout) {

        public boolean enabled() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * The e-mail; off while {@code to} is empty.
     *
     * @param to the recipients
     * @param from the sender address
     */
    public record Mail(List<String> to, String from) {

        public Mail {
            to = to == null ? List.of() : List.copyOf(to);
        }

        public boolean enabled() {
            return !to.isEmpty();
        }
    }

    public boolean anyChannel() {
        return webhook.enabled() || mail.enabled();
    }

    public boolean digestOfRejections() {
        return "digest".equals(onRejections);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (repeatAfter == null || repeatAfter.isNegative()) {
            problems.add("alerts.repeat-after must not be negative");
        }
        if (!ON_REJECTIONS.contains(onRejections)) {
            problems.add("alerts.on-rejections must be off or digest (was '" + onRejections + "')");
        }
        if (!WebhookFormat.labels().contains(webhook.format())) {
            problems.add("alerts.webhook.format must be one of " + String.join(", ", WebhookFormat.labels())
                    + " (was '" + webhook.format() + "')");
        }
        if (webhook.enabled() && !isHttpUrl(webhook.url().reveal())) {
            // Never the value: a webhook's URL holds its token.
            problems.add("alerts.webhook.url must be an http:// or https:// URL (the value is not shown: it holds the "
                    + "webhook's token)");
        }
        if (!isPositive(webhook.connectTimeout()) || !isPositive(webhook.readTimeout())) {
            problems.add("alerts.webhook.connect-timeout and alerts.webhook.read-timeout must be positive");
        }
        for (int i = 0; i < mail.to().size(); i++) {
            if (!isAddress(mail.to().get(i))) {
                problems.add("alerts.mail.to[" + i + "] is not an e-mail address (was '" + mail.to().get(i) + "')");
            }
        }
        if (mail.enabled() && !isAddress(mail.from())) {
            problems.add("alerts.mail.from must be the sender's e-mail address when alerts.mail.to is set");
        }
        return problems;
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static boolean isAddress(String address) {
        return address != null && address.matches("[^@\\s]+@[^@\\s]+");
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url.trim());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }
}
