package io.github.coupapoexport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** IDEs complete and explain the settings from the metadata the configuration processor writes when compiling. */
class ConfigurationMetadataTest {

    @Test
    void metadataListsEverySettingsKeyWithADescriptionAndEachSystemsOwnRetries() throws IOException {
        // given the metadata compiled beside the classes
        JsonNode metadata;
        try (InputStream file = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = JsonMapper.builder().build().readTree(file);
        }

        // when its coupa.*, erp.* and export.* keys are read
        Map<String, JsonNode> keys = new TreeMap<>();
        metadata.get("properties").forEach(property -> {
            String name = property.get("name").asString();
            if (name.matches("(coupa|erp|export|alerts)\\..+")) {
                keys.put(name, property);
            }
        });

        // then every key of the contract is there, explained, with each system's default number of retries
        assertThat(keys.keySet()).containsExactlyInAnyOrder("coupa.base-url", "coupa.client-id", "coupa.client-secret",
                "coupa.scopes", "coupa.page-size", "coupa.statuses", "coupa.api-filter", "coupa.requests-per-second",
                "coupa.connect-timeout", "coupa.read-timeout", "coupa.retry.max-retries", "coupa.retry.initial-delay",
                "coupa.retry.max-delay", "coupa.monitoring.mode", "coupa.monitoring.integration-code",
                "coupa.monitoring.status-field", "erp.type", "erp.outage-threshold", "erp.verdict-overdue", "erp.base-url", "erp.bearer-token",
                "erp.username", "erp.password", "erp.connect-timeout", "erp.read-timeout", "erp.retry.max-retries",
                "erp.retry.initial-delay", "erp.retry.max-delay", "erp.lookup-path", "erp.sap.base-url", "erp.sap.service-path",
                "erp.sap.username", "erp.sap.password", "erp.sap.connect-timeout", "erp.sap.read-timeout",
                "erp.sap.retry.max-retries", "erp.sap.retry.initial-delay", "erp.sap.retry.max-delay",
                "erp.sap.numbering", "erp.sap.company-code", "erp.sap.purchasing-organization",
                "erp.sap.purchasing-group", "erp.sap.purchase-order-type", "erp.sap.plant", "erp.sap.tax-code",
                "erp.sap.account-assignment-category", "erp.sap.cost-center", "erp.sap.account-segments.gl-account",
                "erp.sap.account-segments.cost-center", "erp.sap.account-segments.wbs-element",
                "erp.sap.account-segments.profit-center", "erp.sap.material-group",
                "erp.sap.amount-line-unit", "erp.sap.oauth2.token-uri", "erp.sap.oauth2.client-id",
                "erp.sap.oauth2.client-secret", "erp.sap.oauth2.scopes", "erp.sap.oauth2.client-authentication", "erp.sap.plants-by-ship-to",
                "erp.staging-tables.url", "erp.staging-tables.username",
                "erp.staging-tables.password", "erp.staging-tables.layout", "erp.staging-tables.mark-exported",
                "erp.staging-tables.key-length", "erp.staging-tables.tables", "erp.staging-tables.columns",
                "erp.staging-tables.constants", "erp.staging-tables.id-expressions", "erp.staging-tables.actions",
                "erp.staging-tables.statuses", "erp.staging-tables.timeout", "erp.staging-tables.retry.max-retries",
                "erp.staging-tables.retry.initial-delay", "erp.staging-tables.retry.max-delay",
                "export.mark-exported", "export.value-maps",
                "export.concurrency", "alerts.repeat-after", "alerts.on-rejections", "alerts.resolved",
                "alerts.webhook.url", "alerts.webhook.format", "alerts.webhook.connect-timeout",
                "alerts.webhook.read-timeout", "alerts.mail.to", "alerts.mail.from");
        assertThat(keys.values()).allSatisfy(key -> assertThat(key.path("description").asString()).isNotBlank());
        assertThat(keys.get("coupa.retry.max-retries").get("defaultValue").asInt()).isEqualTo(5);
        assertThat(keys.get("erp.retry.max-retries").get("defaultValue").asInt()).isEqualTo(4);
        assertThat(keys.get("erp.sap.retry.max-retries").get("defaultValue").asInt()).isEqualTo(4);
        assertThat(keys.get("erp.staging-tables.retry.max-retries").get("defaultValue").asInt()).isEqualTo(4);
        assertThat(keys.get("coupa.read-timeout").get("defaultValue").asString()).isEqualTo("60s");
        assertThat(keys.get("alerts.repeat-after").get("defaultValue").asString()).isEqualTo("6h");
    }
}
