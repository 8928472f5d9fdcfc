package io.github.coupapoexport;

import io.github.coupapoexport.sandbox.CoupaPo;
import io.github.coupapoexport.sandbox.FakeCoupa;
import io.github.coupapoexport.sandbox.FakeErp.Received;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an unanswered call leaves half-done is finished at the start of the next run, before any PO is read. (What a
 * kill leaves half-done: {@code OperationScenarios}.)
 */
class UnfinishedExportsFunctionalTests {

    private final ExportJobHarness harness = new ExportJobHarness();

    @BeforeEach
    void purchaseOrders() {
        harness.coupa.add(CoupaPo.numbered(3));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void markThatCoupaAppliedButNeverAnsweredIsFinishedAndReportedByTheNextRun() {
        // given PO 2 with an open error record from an earlier failure, and Coupa applying its mark but cutting the
        // connection before the answer, on every try
        harness.coupa.addOpenHistoryRecord(2, FakeCoupa.INTEGRATION_CODE, "Error");
        harness.coupa.cutMarkAnswers(2);
        ExportJobHarness.RunResult failed = harness.run();
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        assertThat(harness.coupa.isExported(2)).isTrue();
        assertThat(harness.ledger()).filteredOn(row -> row.get("COUPA_ID").equals(2L)).singleElement()
            .satisfies(row -> assertThat(row).containsEntry("OUTCOME", "ACCEPTED").containsEntry("COUPA_MARK", null));

        // when Coupa answers again
        harness.coupa.cutMarkAnswers(-1);
        ExportJobHarness.RunResult next = harness.run();

        // then the next run marks it (checking its version), reports the success and resolves the old error record,
        // without sending it to the ERP again
        assertThat(next.exitCode()).as(next.output()).isZero();
        // (the summary counts the whole job instance: the failed execution exported POs 1 and 3)
        assertThat(next.summary()).contains("exported=2", "skipped=1", "failed=0");
        assertThat(harness.ledger()).filteredOn(row -> row.get("COUPA_ID").equals(2L)).singleElement()
            .satisfies(row -> assertThat(row.get("COUPA_MARK")).isEqualTo("MARKED"));
        assertThat(harness.coupa.historyRecords()).filteredOn(record -> record.get("document-id").equals(2L)
                || record.get("document-id").equals(2))
            .extracting(record -> record.get("status") + " resolved=" + record.get("resolved"))
            .containsExactly("Error resolved=true", "Success resolved=false");
        assertThat(harness.erp.received()).filteredOn(received -> received.poNumber().equals("2"))
            .extracting(Received::status).containsExactly(201);
        assertThat(harness.coupa.exportedIds()).hasSize(3);
    }

    @Test
    void snapshotThatAnOlderVersionLeftSendingWithoutItsDocumentNeverStopsTheRuns() {
        // given a job repository from before the ledger kept documents, with PO 2 left SENDING by a crash
        JobRepositoryDatabase database = JobRepositoryDatabase.h2();
        Flyway.configure().dataSource(database.url(), "sa", "").locations("filesystem:sql/h2").target("3").load()
            .migrate();
        database.jdbc().update("INSERT INTO EXPORT_LEDGER (IDEMPOTENCY_KEY, COUPA_ID, PO_NUMBER, PO_VERSION, PO_STATUS, "
                + "ACTION, SENT_LINES, OUTCOME, JOB_EXECUTION_ID, ATTEMPTS, FIRST_ATTEMPT_AT, LAST_ATTEMPT_AT) VALUES "
                + "('coupa-2-1-2026-03-02T09:20:11-08:00', 2, '2', 1, 'issued', 'CREATE', '[]', 'SENDING', 1, 1, "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        try (ExportJobHarness upgraded = new ExportJobHarness(database)) {
            upgraded.coupa.add(CoupaPo.numbered(3));

            // when the new version runs on it
            ExportJobHarness.RunResult result = upgraded.run();

            // then the row cannot be resent, but it stops nothing: PO 2 goes out again under the same key, which an
            // ERP that had applied it answers with 409
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("PO 2 was being sent (coupa-2-1-2026-03-02T09:20:11-08:00) when an "
                    + "earlier version of this job stopped");
            assertThat(upgraded.coupa.exportedIds()).containsExactly(1L, 2L, 3L);
            assertThat(upgraded.erp.received()).filteredOn(received -> received.poNumber().equals("2"))
                .extracting(Received::idempotencyKey).containsExactly("coupa-2-1-2026-03-02T09:20:11-08:00");
        }
    }
}
