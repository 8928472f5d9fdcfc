package io.github.coupapoexport.erp.sap;

import java.time.Duration;
import java.util.List;

import io.github.coupapoexport.foundation.Secret;
import io.github.coupapoexport.settings.RetrySettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every missing or impossible {@code erp.sap.*} setting is told at start, by its key, all at once. */
class SapS4HanaPropertiesTest {

    @Test
    void everyProblemNamesItsKey() {
        // given nothing but defaults, a wrong numbering, values over SAP's lengths, a cost center set twice and an
        // account segment that no Coupa account has
        SapS4HanaProperties settings = new SapS4HanaProperties(null, SapS4HanaProperties.SERVICE_PATH, null, null,
                Duration.ofSeconds(10), Duration.ofSeconds(60), new RetrySettings(-1, Duration.ofSeconds(1),
                        Duration.ofSeconds(30)), "automatic", "10100", null, "0010", "NB", null, "V19", "K", "10101101",
                new SapAccountSegments("code", "segment-2", "segment-21", null), null, "EA", null, null);

        // when
        List<String> problems = settings.problems();

        // then
        assertThat(problems).containsExactly(
                "erp.sap.base-url is required (the SAP system, https://<host>)",
                "erp.sap.username is required (the communication user of SAP_COM_0053), or erp.sap.oauth2.* for "
                        + "OAuth 2.0",
                "erp.sap.password is required",
                "erp.sap.numbering must be internal or external (was 'automatic')",
                "erp.sap.company-code has at most 4 characters in SAP (was '10100')",
                "erp.sap.purchasing-organization is required",
                "erp.sap.purchasing-group has at most 3 characters in SAP (was '0010')",
                "erp.sap.plant is required",
                "erp.sap.tax-code has at most 2 characters in SAP (was 'V19')",
                "erp.sap.account-segments.wbs-element must be code or segment-1 to segment-20 (was 'segment-21')",
                "erp.sap.cost-center and erp.sap.account-segments.cost-center are both set: the cost center comes"
                        + " from one of them",
                "erp.sap.retry.max-retries must be 0 or more (was -1)");
    }

    @Test
    void completeSettingsHaveNoProblemAndTheServiceRootJoinsUrlAndPath() {
        // given
        SapS4HanaProperties settings = new SapS4HanaProperties("https://my-s4.example.com/",
                SapS4HanaProperties.SERVICE_PATH, "COUPA_COMM", new Secret("x"), Duration.ofSeconds(10),
                Duration.ofSeconds(60), new RetrySettings(null, Duration.ofSeconds(1), Duration.ofSeconds(30)),
                "external", "1010", "1010", "001", "NB", "1010", null, "K", null,
                new SapAccountSegments("segment-3", "segment-2", "segment-4", "segment-1"), null, "EA", null, null);

        // then
        assertThat(settings.problems()).isEmpty();
        assertThat(settings.serviceRoot()).isEqualTo(
                "https://my-s4.example.com/sap/opu/odata/sap/API_PURCHASEORDER_PROCESS_SRV");
        assertThat(settings.retry().maxRetries()).isEqualTo(SapS4HanaProperties.DEFAULT_MAX_RETRIES);
        assertThat(settings.externalNumbering()).isTrue();
    }
}
