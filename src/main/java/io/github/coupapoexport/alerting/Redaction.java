package io.github.coupapoexport.alerting;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The last guard before a message leaves: every value of a setting whose name says it is a credential (a secret, a
 * password, a token, a key, the webhook's URL, a database URL with a password in it) is replaced by {@code ******}
 * wherever it appears. The messages are built not to hold one; this catches a reason that quotes one anyway.
 */
final class Redaction {

    static final String HIDDEN = "******";

    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(secret|password|passwd|token|credential|private|apikey|api-key|webhook\\.url|authorization|headers).*");

    /**
     * Credentials a reason may carry whatever setting they came from: the user and password of a URL
     * ({@code https://user:pw@host}), a {@code password=} parameter in any case, a bearer token.
     */
    private static final List<Pattern> CREDENTIAL_SHAPES = List.of(
            Pattern.compile("(?<=://)[^/\\s@:]+:[^/\\s@]+(?=@)"),
            Pattern.compile("(?i)(?<=password=)[^&;\\s\"']+"),
            Pattern.compile("(?i)(?<=bearer )[A-Za-z0-9._~+/=-]+"));

    /** Shorter values would hide ordinary words; no real credential is this short. */
    private static final int SHORTEST_SECRET = 4;

    private final List<String> secrets;

    private Redaction(Set<String> secrets) {
        this.secrets = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    static Redaction of(ConfigurableEnvironment environment) {
        Set<String> secrets = new LinkedHashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            for (String name : enumerable.getPropertyNames()) {
                String lower = name.toLowerCase(Locale.ROOT).replace('_', '.');
                Object value = enumerable.getProperty(name);
                if (value == null) {
                    continue;
                }
                String text = value.toString();
                // A token endpoint's address is no secret, and the reasons name it.
                boolean secretName = SECRET_NAME.matcher(lower).matches() && !lower.endsWith("uri");
                if (secretName || lower.endsWith("url") && text.contains("password=")) {
                    addResolved(environment, text, secrets);
                }
                if (lower.contains("headers")) {
                    // OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer t0ken,x-key=k3y: each value on its own too
                    for (String header : text.split(",")) {
                        String headerValue = header.substring(header.indexOf('=') + 1).strip();
                        addResolved(environment, headerValue.replaceFirst("(?i)^bearer ", ""), secrets);
                    }
                }
            }
        }
        return new Redaction(secrets);
    }

    private static void addResolved(ConfigurableEnvironment environment, String value, Set<String> secrets) {
        for (String each : List.of(value, environment.resolvePlaceholders(value))) {
            if (each.trim().length() >= SHORTEST_SECRET) {
                secrets.add(each.trim());
            }
        }
    }

    String apply(String text) {
        String redacted = text;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, HIDDEN);
        }
        for (Pattern shape : CREDENTIAL_SHAPES) {
            redacted = shape.matcher(redacted).replaceAll(HIDDEN);
        }
        return redacted;
    }

    Alert apply(Alert alert) {
        return new Alert(apply(alert.title()), alert.lines().stream().map(this::apply).toList(), alert.severity());
    }
}
