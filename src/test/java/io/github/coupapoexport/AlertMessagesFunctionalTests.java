package io.github.coupapoexport;

import java.io.IOException;
import java.net.ServerSocket;

import io.github.coupapoexport.sandbox.CoupaPo.Line;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the alerts say and in which body: Teams' MessageCard and the Adaptive Card a Teams Workflows webhook takes, the
 * digest of rejected POs, the message that a problem is resolved, and alert settings that are themselves invalid.
 */
class AlertMessagesFunctionalTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExportJobHarness harness = new ExportJobHarness();

    private final AlertReceivers receivers = new AlertReceivers();

    @AfterEach
    void stop() {
        receivers.close();
        harness.close();
    }

    @Test
    void teamsFormatPostsAnOffice365ConnectorMessageCard() throws IOException {
        // when
        ExportJobHarness.RunResult result = harness.run(receivers.settings("--alerts.webhook.format=teams",
                "--coupa.base-url=http://127.0.0.1:" + closedPort()));

        // then
        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode card = JSON.readTree(receivers.webhookBodies().get(0));
        assertThat(card.get("@type").asString()).isEqualTo("MessageCard");
        assertThat(card.get("@context").asString()).isEqualTo("https://schema.org/extensions");
        assertThat(card.get("themeColor").asString()).isEqualTo("C4314B");
        assertThat(card.get("title").asString()).endsWith(": Coupa could not be reached or gave no usable answer (exit 1)");
        assertThat(card.get("summary").asString()).isEqualTo(card.get("title").asString());
        assertThat(card.get("text").asString()).contains("What failed: Coupa could not be reached",
                "\n\nProblem key: exit-1:coupa-unreachable");
        assertThat(receivers.webhookContentTypes()).singleElement().asString().startsWith("application/json");
    }

    @Test
    void teamsWorkflowFormatPostsAnAdaptiveCardInAttachments() throws IOException {
        // when
        ExportJobHarness.RunResult result = harness.run(receivers.settings("--alerts.webhook.format=teams-workflow",
                "--coupa.base-url=http://127.0.0.1:" + closedPort()));

        // then
        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode message = JSON.readTree(receivers.webhookBodies().get(0));
        assertThat(message.get("type").asString()).isEqualTo("message");
        JsonNode attachment = message.get("attachments").get(0);
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.get("content");
        assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.get("version").asString()).isEqualTo("1.4");
        assertThat(card.get("body").get(0).get("type").asString()).isEqualTo("TextBlock");
        assertThat(card.get("body").get(0).get("weight").asString()).isEqualTo("Bolder");
        assertThat(card.get("body").get(0).get("text").asString()).endsWith("(exit 1)");
        assertThat(card.get("body")).extracting(block -> block.get("text").asString())
            .contains("Problem key: exit-1:coupa-unreachable");
        assertThat(card.get("body")).allSatisfy(block -> assertThat(block.get("wrap").asBoolean()).isTrue());
    }

    @Test
    void rejectedPurchaseOrdersAreADigestOncePerPeriodWhenAskedFor() {
        // given a PO the ERP refuses, and one it takes
        harness.erp.rejectSupplier("SUP-0666", "Supplier SUP-0666 is blocked for purchasing");
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(2).supplier("Initech", "SUP-0666").line(Line.amount(21, "1", "Consulting", "100.00")));

        // when two runs leave it rejected
        ExportJobHarness.RunResult first = harness.run(receivers.settings("--alerts.on-rejections=digest"));
        ExportJobHarness.RunResult second = harness.run(receivers.settings("--alerts.on-rejections=digest"));

        // then one digest, by class, with the PO number
        assertThat(first.exitCode()).isEqualTo(3);
        assertThat(second.exitCode()).isEqualTo(3);
        assertThat(receivers.mails()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).endsWith(": 1 PO(s) rejected (exit 3)");
            assertThat(mail.body()).contains("1 PO(s) are not in the ERP (exit 3):", "- erp-refused: 1 (2)",
                    "`retry --class=CLASS`", "at most once every 6h");
        });
        assertThat(receivers.webhookBodies()).singleElement().asString().contains("- erp-refused: 1 (2)");
    }

    @Test
    void rejectedPurchaseOrdersAreNoAlertUnlessADigestIsAskedFor() {
        // given
        harness.erp.rejectSupplier("SUP-0666", "Supplier SUP-0666 is blocked for purchasing");
        harness.coupa.add(po(2).supplier("Initech", "SUP-0666").line(Line.amount(21, "1", "Consulting", "100.00")));

        // when
        ExportJobHarness.RunResult result = harness.run(receivers.settings());

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(receivers.webhookBodies()).isEmpty();
        assertThat(receivers.mails()).isEmpty();
    }

    @Test
    void anExportThatEndsWellAfterAnAlertedProblemSaysItIsResolved() throws IOException {
        // given a run that could not reach Coupa and said so
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")));
        harness.run(receivers.settings("--coupa.base-url=http://127.0.0.1:" + closedPort()));

        // when the next run exports
        ExportJobHarness.RunResult result = harness.run(receivers.settings());

        // then
        assertThat(result.exitCode()).isZero();
        assertThat(receivers.webhookBodies()).hasSize(2);
        assertThat(receivers.mails()).hasSize(2);
        AlertReceivers.Mail resolved = receivers.mails().get(1);
        assertThat(resolved.subject()).endsWith(": resolved (exit 0)");
        assertThat(resolved.body()).contains("An export ended with exit 0; these problems no longer occur:",
                "- exit-1:coupa-unreachable: seen once from ");
        assertThat(harness.database().queryForObject("SELECT COUNT(*) FROM ALERT_STATE", Long.class)).isZero();

        // and a further good run says nothing more
        harness.run(receivers.settings());
        assertThat(receivers.mails()).hasSize(2);
    }

    @Test
    void invalidAlertSettingsAreAConfigurationErrorThatSaysNoAlertWasSentAndNeverShowsTheWebhooksUrl() {
        // when
        ExportJobHarness.RunResult result = harness.run(receivers.settings("--alerts.webhook.format=discord",
                "--alerts.webhook.url=hooks.example/" + AlertReceivers.WEBHOOK_TOKEN));

        // then
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("alerts.webhook.format must be one of slack, teams, teams-workflow "
                + "(was 'discord')", "alerts.webhook.url must be an http:// or https:// URL",
                "coupa-po-export: no alert sent: ")
            .doesNotContain(AlertReceivers.WEBHOOK_TOKEN);
        assertThat(receivers.webhookBodies()).isEmpty();
        assertThat(receivers.mails()).isEmpty();
    }

    /** A port on 127.0.0.1 that nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
