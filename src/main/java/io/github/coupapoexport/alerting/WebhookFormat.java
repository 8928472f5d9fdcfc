package io.github.coupapoexport.alerting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body an incoming webhook takes. Slack and Teams' Office 365 connector webhooks both take {@code {"text": ...}};
 * a connector's MessageCard adds a title and a colour; the Teams Workflows webhook (Power Automate's "When a Teams
 * webhook request is received") takes only a message with an Adaptive Card in {@code attachments}.
 */
public enum WebhookFormat {

    SLACK {
        @Override
        Map<String, Object> body(Alert alert) {
            // Slack's mrkdwn: *bold*, and &, < and > escaped, or a reason with <html> in it would turn into a link.
            return Map.of("text", "*" + slackEscaped(alert.title()) + "*\n" + slackEscaped(alert.text()));
        }
    },
    TEAMS {
        @Override
        Map<String, Object> body(Alert alert) {
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("@type", "MessageCard");
            card.put("@context", "https://schema.org/extensions");
            card.put("summary", alert.title());
            card.put("themeColor", colour(alert.severity()));
            card.put("title", alert.title());
            // A MessageCard's text is Markdown: a single line break would be lost.
            card.put("text", String.join("\n\n", alert.lines()));
            return card;
        }
    },
    TEAMS_WORKFLOW {
        @Override
        Map<String, Object> body(Alert alert) {
            List<Object> blocks = new ArrayList<>();
            Map<String, Object> title = textBlock(alert.title());
            title.put("weight", "Bolder");
            title.put("size", "Medium");
            title.put("color", switch (alert.severity()) {
                case RESOLVED -> "Good";
                case WARNING -> "Warning";
                case PROBLEM -> "Attention";
            });
            blocks.add(title);
            alert.lines().forEach(line -> blocks.add(textBlock(line)));
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
            card.put("type", "AdaptiveCard");
            card.put("version", "1.4");
            card.put("body", blocks);
            Map<String, Object> attachment = new LinkedHashMap<>();
            attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
            attachment.put("content", card);
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("type", "message");
            message.put("attachments", List.of(attachment));
            return message;
        }
    };

    /** The body, as JSON: Jackson writes the maps. */
    abstract Map<String, Object> body(Alert alert);

    /** {@code teams-workflow} for {@link #TEAMS_WORKFLOW}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(WebhookFormat::label).toList();
    }

    public static WebhookFormat of(String label) {
        return Arrays.stream(values()).filter(format -> format.label().equals(label)).findFirst().orElseThrow();
    }

    private static String colour(Alert.Severity severity) {
        return switch (severity) {
            case RESOLVED -> "2EB886";
            case WARNING -> "DAA038";
            case PROBLEM -> "C4314B";
        };
    }

    /** A TextBlock that wraps: Teams would otherwise cut a long line at the card's edge. */
    private static Map<String, Object> textBlock(String text) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        return block;
    }

    private static String slackEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
