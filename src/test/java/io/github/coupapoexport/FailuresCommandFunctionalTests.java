package io.github.coupapoexport;

import io.github.coupapoexport.sandbox.CoupaPo.Line;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code failures}: every PO not in the ERP as far as the ledger knows, grouped by class, for a person, a script or a
 * spreadsheet; exit 3 while there is one, 0 when there is none.
 */
class FailuresCommandFunctionalTests {

    private final ExportJobHarness harness = new ExportJobHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void failingPosAreListedByClassWithTheirLastReason() {
        // given a run that exported PO 1, found PO 2 without a supplier number, and had PO 3 refused by the ERP
        harness.erp.rejectSupplier("SUP-0666", "Supplier SUP-0666 is blocked for purchasing, \"hold\" code B");
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(2).supplier("Globex", null).line(Line.amount(21, "1", "Consulting", "100.00")),
                po(3).supplier("Initech", "SUP-0666").line(Line.amount(31, "1", "Consulting", "100.00")));
        assertThat(harness.run().exitCode()).isEqualTo(3);

        // when
        ExportJobHarness.RunResult table = harness.run("failures");
        ExportJobHarness.RunResult csv = harness.run("failures", "--csv");
        ExportJobHarness.RunResult json = harness.run("failures", "--json");

        // then each way tells the same two POs, and the command exits 3 while they fail
        assertThat(table.exitCode()).as(table.output()).isEqualTo(3);
        assertThat(table.output()).contains("po-data (1)", "erp-refused (1)")
            .containsPattern("\\n  2 +\\d{4}-\\d{2}-\\d{2} [\\d:]{8} +\\d{4}-\\d{2}-\\d{2} [\\d:]{8} +1  .*supplier")
            .containsPattern("\\n  3 +.* +1  PO 3 was rejected by the ERP \\(HTTP 422\\)");
        assertThat(csv.output().lines().filter(line -> line.matches("(class|po-data|erp-refused),.*")))
            .hasSize(3)
            .first().isEqualTo("class,po,coupa-id,first-attempt,last-attempt,attempts,last-reason");
        assertThat(csv.output()).contains("\"\"hold\"\" code B\"");
        JsonNode failing = JsonMapper.builder().build().readTree(json.output().substring(json.output().indexOf('[')));
        assertThat(failing).extracting(po -> po.get("failure-class").asString() + " " + po.get("po").asString() + " "
                + po.get("attempts").asInt()).containsExactly("po-data 2 1", "erp-refused 3 1");
    }

    @Test
    void retryOfAClassExportsItsPosAgainNowWithoutABuyerTouchingThem() {
        // given POs 1 and 2 refused by an ERP whose master data was then fixed
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(2).line(Line.amount(21, "1", "Consulting", "100.00")));
        harness.erp.answerEveryDocument(422, "application/json",
                "{\"message\": \"Supplier SUP-0077 is not set up for company 1000\"}");
        assertThat(harness.run().exitCode()).isEqualTo(3);
        harness.erp.answerNormally();

        // when
        ExportJobHarness.RunResult retry = harness.run("retry", "--class=erp-refused");

        // then the refused POs went again through the replay path, and nothing fails any more
        assertThat(retry.exitCode()).as(retry.output()).isZero();
        assertThat(retry.output()).contains("retry po=1,2");
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 2L);
        assertThat(harness.run("failures").exitCode()).isZero();
    }

    @Test
    void retryWithoutAClassOrPoNumbersIsRefusedBeforeAnythingStarts() {
        // when
        ExportJobHarness.RunResult retry = harness.run("retry");

        // then
        assertThat(retry.exitCode()).isEqualTo(2);
        assertThat(retry.output()).contains("retry needs --po=NUMBER[,NUMBER...] or --class=CLASS");
    }

    @Test
    void noFailingPoExits0() {
        // given a run that exported everything
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")));
        assertThat(harness.run().exitCode()).isZero();

        // when
        ExportJobHarness.RunResult failures = harness.run("failures");

        // then
        assertThat(failures.exitCode()).as(failures.output()).isZero();
        assertThat(failures.output()).contains("no failing POs");
    }
}
