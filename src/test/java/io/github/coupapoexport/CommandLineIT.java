package io.github.coupapoexport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.coupapoexport.sandbox.CoupaPo.Line;
import io.github.coupapoexport.sandbox.FakeErp.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/** The real jar's exit codes and options, as a scheduler sees them (4 and 5 are in OperationScenarios). */
class CommandLineIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ExportJobHarness harness = new ExportJobHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void exit0WhenEveryPoIsExportedAndWhenThereIsNothingToDo() {
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")));

        ExportProcess first = harness.launch();
        assertThat(first.exitCode(TIMEOUT)).as(first.output()).isZero();
        ExportProcess nothingToDo = harness.launch();
        assertThat(nothingToDo.exitCode(TIMEOUT)).as(nothingToDo.output()).isZero();
        assertThat(nothingToDo.summary()).contains("read=0", "exported=0");
    }

    @Test
    void exit1WhenCoupaAnswersWithAnErrorPage() {
        harness.coupa.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/purchase_orders")).atPriority(1)
            .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

        ExportProcess run = harness.launch();

        assertThat(run.exitCode(TIMEOUT)).as(run.output()).isEqualTo(1);
        assertThat(run.summary()).contains("status=FAILED", "answered HTTP 502: <html>Bad Gateway</html>");
    }

    @Test
    void exit2ForBadSettingsWithEveryProblemListed() {
        ExportProcess run = harness.launch("--coupa.page-size=0", "--coupa.monitoring.mode=email");

        assertThat(run.exitCode(TIMEOUT)).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("coupa.page-size must be between 1 and 50 (was 0)",
                "coupa.monitoring.mode must be one of custom-field, history, integration-run (was 'email')")
            .doesNotContain("\tat org.springframework");
    }

    @Test
    void exit3WhenAPoWasRejected() {
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(2).supplier("Globex", null).line(Line.amount(21, "1", "Consulting", "100.00")));

        ExportProcess run = harness.launch();

        assertThat(run.exitCode(TIMEOUT)).as(run.output()).isEqualTo(3);
        assertThat(run.summary()).contains("exported=1", "failed=1", "exit=3");
    }

    @Test
    void dryRunWritesTheDocumentsAndMakesNoCallThatChangesAnything() throws IOException {
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(2).supplier("Globex", null).line(Line.amount(21, "1", "Consulting", "100.00")));
        Path out = harness.folder().resolve("documents");

        ExportProcess run = harness.launch("--dry-run", "--out=" + out);

        assertThat(run.exitCode(TIMEOUT)).as(run.output()).isEqualTo(3);
        assertThat(run.summary()).contains("exported=1", "failed=1", "dry-run out=" + out.toAbsolutePath());
        assertThat(JsonMapper.builder().build().readTree(Files.readString(out.resolve("PO-1.json"))).get("action").asString())
            .isEqualTo("CREATE");
        assertThat(Files.readString(out.resolve("PO-2.rejected.txt"))).contains("supplier 'Globex' has no supplier number");
        List<String> calls = harness.coupaRequests().stream().map(ServeEvent::getRequest)
            .map(request -> request.getMethod().getName() + " " + request.getUrl().split("\\?")[0]).toList();
        assertThat(calls).isNotEmpty().allSatisfy(call -> assertThat(call).matches("GET /api/purchase_orders|POST /oauth2/token"));
        assertThat(harness.erp.received()).isEmpty();
        assertThat(harness.coupa.exportedIds()).isEmpty();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void poOptionReplaysAnExportedPoSoThatTheErpAppliesItAgain() {
        // given a PO exported yesterday
        harness.coupa.add(po(4821).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(4822).line(Line.amount(21, "1", "Consulting", "100.00")));
        assertThat(harness.launch().exitCode(TIMEOUT)).isZero();

        // when an operator replays it
        ExportProcess replay = harness.launch("--po=4821");

        // then only that PO is sent again, as an update, under a key the ERP has not applied yet
        assertThat(replay.exitCode(TIMEOUT)).as(replay.output()).isZero();
        assertThat(replay.summary()).contains("read=1", "exported=1", "replay po=4821");
        List<Received> received = harness.erp.received();
        assertThat(received).hasSize(3);
        assertThat(received.get(2).poNumber()).isEqualTo("4821");
        assertThat(received.get(2).action()).isEqualTo("UPDATE");
        assertThat(received.get(2).status()).isEqualTo(201);
        assertThat(received.get(2).idempotencyKey()).startsWith("coupa-4821-1-2026-03-02T09:20:11-08:00-replay-");
        assertThat(harness.selectionRequests().get(harness.selectionRequests().size() - 1).getRequest()
            .queryParameter("po-number[in]").firstValue()).isEqualTo("4821");

        // and the next scheduled run is not a replay
        ExportProcess next = harness.launch();
        assertThat(next.exitCode(TIMEOUT)).isZero();
        assertThat(next.summary()).contains("read=0");
    }
}
