package io.github.coupapoexport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.coupapoexport.sandbox.CoupaPo.Line;
import io.github.coupapoexport.sandbox.FakeCoupa;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts through the real application path: a run that cannot reach Coupa, whose credentials Coupa refuses, that
 * finds the run lock held or that cannot start, tells the chat's webhook and the operations mailbox, once per problem
 * per {@code alerts.repeat-after}; a run that completes tells nobody; a webhook that fails changes no exit code. No
 * secret the job was given is ever in a message.
 */
class AlertsFunctionalTests {

    private final ExportJobHarness harness = new ExportJobHarness();

    private final AlertReceivers receivers = new AlertReceivers();

    @BeforeEach
    void onePurchaseOrder() {
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")));
    }

    @AfterEach
    void stop() {
        receivers.close();
        harness.close();
    }

    @Test
    void coupaUnreachableTwiceWithinThePeriodIsSentOnceAndAgainAfterThePeriod() throws IOException {
        // given a Coupa that accepts no connection
        String coupaDown = "--coupa.base-url=http://127.0.0.1:" + closedPort();

        // when the scheduler runs twice within six hours
        ExportJobHarness.RunResult first = harness.run(receivers.settings(coupaDown));
        ExportJobHarness.RunResult second = harness.run(receivers.settings(coupaDown));

        // then both runs failed, and one webhook post and one mail said so
        assertThat(first.exitCode()).isEqualTo(1);
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(receivers.webhookBodies()).hasSize(1);
        assertThat(receivers.webhookBodies().get(0)).startsWith("{\"text\":\"*coupa-po-export on ")
            .contains("Coupa could not be reached or gave no usable answer (exit 1)*",
                    "Problem key: exit-1:coupa-unreachable", "Seen once since ");
        assertThat(receivers.mails()).hasSize(1);
        AlertReceivers.Mail mail = receivers.mails().get(0);
        assertThat(mail.subject()).startsWith("coupa-po-export on ")
            .endsWith(": Coupa could not be reached or gave no usable answer (exit 1)");
        assertThat(mail.to()).containsExactly(AlertReceivers.OPERATIONS);
        assertThat(mail.from()).isEqualTo(AlertReceivers.SMTP_USER);
        assertThat(mail.body()).contains("What failed: Coupa could not be reached or gave no usable answer.",
                "What to do: nothing is lost: the checkpoint is kept", "Problem key: exit-1:coupa-unreachable");
        assertThat(harness.database().queryForObject(
                "SELECT TIMES_SEEN FROM ALERT_STATE WHERE PROBLEM_KEY = 'exit-1:coupa-unreachable'", Long.class))
            .isEqualTo(2);

        // when the period has passed since the message was sent, and the scheduler runs again
        harness.database().update("UPDATE ALERT_STATE SET LAST_SENT = ?", OffsetDateTime.now().minusHours(7));
        ExportJobHarness.RunResult third = harness.run(receivers.settings(coupaDown));

        // then the problem is sent again, counting every run that saw it
        assertThat(third.exitCode()).isEqualTo(1);
        assertThat(receivers.webhookBodies()).hasSize(2);
        assertThat(receivers.webhookBodies().get(1)).contains("Seen 3 times since ");
        assertThat(receivers.mails()).hasSize(2);
        assertNoSecretIn(first, second, third);
    }

    @Test
    void coupaRefusingTheCredentialsIsAnAlertOfItsOwn() {
        // given
        harness.coupa.server().stubFor(WireMock.post(WireMock.urlPathEqualTo("/oauth2/token")).atPriority(1)
            .willReturn(aResponse().withStatus(401).withBody("{\"error\": \"invalid_client\"}")));

        // when
        ExportJobHarness.RunResult result = harness.run(receivers.settings());

        // then
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(receivers.webhookBodies()).singleElement().asString()
            .contains("Coupa refused the client credentials (exit 2)", "Problem key: exit-2:coupa-credentials-refused",
                    "client id '" + FakeCoupa.CLIENT_ID + "'", "What to do: fix the setup");
        assertThat(receivers.mails()).singleElement().extracting(AlertReceivers.Mail::subject).asString()
            .endsWith(": Coupa refused the client credentials (exit 2)");
        assertNoSecretIn(result);
    }

    @Test
    void aCommandThatCatchesTheRefusalOfTheCredentialsAlertsThatRefusalNotAnUnknownPo() {
        // given
        harness.coupa.server().stubFor(WireMock.post(WireMock.urlPathEqualTo("/oauth2/token")).atPriority(1)
            .willReturn(aResponse().withStatus(401).withBody("{\"error\": \"invalid_client\"}")));

        // when reconcile, which says so and exits 2 rather than fail
        ExportJobHarness.RunResult result = harness.run(receivers.settings("reconcile"));

        // then
        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(receivers.webhookBodies()).singleElement().asString()
            .contains("Coupa refused the client credentials (exit 2)", "Problem key: exit-2:coupa-credentials-refused")
            .doesNotContain("--po");
        assertNoSecretIn(result);
    }

    @Test
    void settingsThatFailTheStartAreAlertedFromTheSettingsAlone() {
        // when a setting is invalid, so that no bean of the run is ever built
        ExportJobHarness.RunResult result = harness.run(receivers.settings("--export.concurrency=99"));

        // then
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(receivers.webhookBodies()).singleElement().asString()
            .contains("the settings are invalid (exit 2)", "export.concurrency must be between 1 and 16 (was 99)",
                    "Problem key: exit-2:settings-invalid");
        assertThat(receivers.mails()).hasSize(1);
        assertNoSecretIn(result);
    }

    @Test
    void runLockHeldByAnotherExecutionIsAlerted() throws IOException {
        // given another execution holds the H2 repository's run lock
        Path lockFile = harness.jobRepositoryFolder().resolve("job-repository.run-lock");
        ExportJobHarness.RunResult result;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {

            // when
            result = harness.run(receivers.settings());
        }

        // then
        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(receivers.webhookBodies()).singleElement().asString()
            .contains("another execution holds the run lock (exit 5)", "Problem key: exit-5:run-lock-held");
        assertThat(receivers.mails()).hasSize(1);
        assertNoSecretIn(result);
    }

    @Test
    void completedRunSendsNothing() {
        // when
        ExportJobHarness.RunResult result = harness.run(receivers.settings());

        // then
        assertThat(result.exitCode()).isZero();
        assertThat(receivers.webhookBodies()).isEmpty();
        assertThat(receivers.mails()).isEmpty();
    }

    @Test
    void webhookThatFailsLeavesTheExitCodeAndTheMail() throws IOException {
        // given
        receivers.webhookAnswers(500);

        // when
        ExportJobHarness.RunResult result = harness.run(
                receivers.settings("--coupa.base-url=http://127.0.0.1:" + closedPort()));

        // then the run's own exit code, the mail sent, and the failure a warning naming the webhook's host only
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(receivers.webhookBodies()).hasSize(1);
        assertThat(receivers.mails()).hasSize(1);
        assertThat(result.output()).contains("The slack webhook at 127.0.0.1 refused the alert: HTTP 500");
        assertNoSecretIn(result);
    }

    @Test
    void jobRepositoryThatCannotBeReachedIsAlertedAnywayAndSaysSo() throws IOException {
        // when the job repository's PostgreSQL accepts no connection: the problem may well be the repository itself
        ExportJobHarness.RunResult result = harness.run(receivers.settings(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort() + "/test?user=postgres"));

        // then
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(receivers.webhookBodies()).singleElement().asString()
            .contains("Problem key: exit-1:database-unreachable",
                    "The job repository could not be reached to check whether this was already sent");
        assertThat(receivers.mails()).hasSize(1);
        assertNoSecretIn(result);
    }

    /** Neither the messages nor the run's output (its log included) show a secret the job was given. */
    private void assertNoSecretIn(ExportJobHarness.RunResult... results) {
        List<String> texts = new ArrayList<>(receivers.webhookBodies());
        receivers.mails().forEach(mail -> texts.addAll(List.of(mail.subject(), mail.body())));
        for (ExportJobHarness.RunResult result : results) {
            texts.add(result.output());
        }
        for (String secret : AlertReceivers.SECRETS) {
            assertThat(texts).as("texts holding %s", secret).noneMatch(text -> text.contains(secret));
        }
    }

    /** A port on 127.0.0.1 that nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
