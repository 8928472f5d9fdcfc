package io.github.coupapoexport.alerting;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The last guard: a reason that quotes a credential anyway leaves without it. */
class RedactionTest {

    @Test
    void everyCredentialOfTheSettingsIsHiddenWhereverAMessageQuotesIt() {
        // given settings with credentials under the names the job and Spring use, and a token endpoint's address
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("command line", Map.of(
                "coupa.client-secret", "s3cr3t-client",
                "erp.password", "erp-pw-123",
                "spring.mail.password", "${MAIL_PASSWORD:smtp-pw-456}",
                "alerts.webhook.url", "https://hooks.slack.com/services/T1/B2/t0k3n",
                "erp.sap.oauth2.token-uri", "https://sap.example/oauth/token",
                "spring.datasource.url", "jdbc:postgresql://db/job?password=db-pw-789")));
        Redaction redaction = Redaction.of(environment);

        // when
        Alert redacted = redaction.apply(new Alert("title with s3cr3t-client", List.of(
                "Reason: login erp-pw-123 refused by smtp-pw-456",
                "posted to https://hooks.slack.com/services/T1/B2/t0k3n",
                "POST https://sap.example/oauth/token answered 503",
                "jdbc:postgresql://db/job?password=db-pw-789 unreachable"), Alert.Severity.PROBLEM));

        // then
        assertThat(redacted.title()).isEqualTo("title with ******");
        assertThat(redacted.lines()).containsExactly("Reason: login ****** refused by ******", "posted to ******",
                "POST https://sap.example/oauth/token answered 503", "****** unreachable");
    }

    @Test
    void credentialsInAUrlAPasswordParameterOrABearerTokenAreHiddenWhateverSettingTheyCameFrom() {
        // given no setting names them: an ERP address with a user and password in it, an OTLP header
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("environment", Map.of(
                "OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer otlp-t0ken-1")));
        Redaction redaction = Redaction.of(environment);

        // when
        String redacted = redaction.apply("POST https://erp-user:erp-pw@erp.example/purchase-orders got no answer; "
                + "jdbc:postgresql://db/job?user=job&Password=db-pw; sent Authorization: Bearer abc.def-ghi; "
                + "header otlp-t0ken-1");

        // then
        assertThat(redacted).isEqualTo("POST https://******@erp.example/purchase-orders got no answer; "
                + "jdbc:postgresql://db/job?user=job&Password=******; sent Authorization: Bearer ******; header ******");
    }
}
