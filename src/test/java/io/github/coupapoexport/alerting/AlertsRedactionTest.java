package io.github.coupapoexport.alerting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reason too long for a chat message is cut; a credential it quotes near the cut must not leave as its first
 * characters. The channel here only keeps what it is given: what goes over the wire is WebhookChannel's and
 * MailChannel's business, tested through the application in AlertsFunctionalTests.
 */
class AlertsRedactionTest {

    private static final String SECRET = "s3cr3t-client-value";

    private final List<Alert> sent = new ArrayList<>();

    @Test
    void aCredentialWhereTheReasonIsCutLeavesNoneOfItsCharacters() {
        // given settings with a client secret, and a failure whose message quotes it just where a reason is cut
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("command line",
                Map.of("coupa.client-secret", SECRET)));
        Alerts alerts = new Alerts(Binder.get(environment).bindOrCreate("alerts", AlertProperties.class),
                List.of(alert -> sent.add(alert)), Redaction.of(environment), "host", null, Clock.systemUTC());
        String reason = "x".repeat(590) + " " + SECRET;

        // when
        alerts.afterRun(new RunEnd(true, 1, List.of(new IllegalStateException(reason)), null));

        // then
        assertThat(sent).singleElement().extracting(Alert::text).asString()
            .contains("x".repeat(100))
            .doesNotContain(SECRET.substring(0, 6));
    }
}
