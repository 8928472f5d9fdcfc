package io.github.coupapoexport.export;

import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.export.ExportProtocol.Result;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.mapping.ErpAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.export.Po4821.EDITED;
import static io.github.coupapoexport.export.Po4821.READ;
import static io.github.coupapoexport.export.Po4821.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A PO that {@code reconcile --fix} put back after the ERP accepted it, because the ERP does not hold it as the ledger
 * says, is sent again by the next run, never only marked: otherwise it would be exported in Coupa and missing in the
 * ERP again, and the next reconciliation would find it again.
 */
class PutBackByReconciliationTest {

    private static final long PO = Po4821.ID;

    private final LedgerOnH2 database = new LedgerOnH2();

    private final ExportLedger ledger = database.ledger();

    private final ScriptedErp erp = new ScriptedErp();

    private final ScriptedCoupaMarks coupa = new ScriptedCoupaMarks().holds(PO, 2, "issued");

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void theVerySnapshotTheErpAcceptedIsSentAgainUnderAReplayKey() {
        // given the ERP accepted the snapshot, then reconcile --fix put the PO back under the same updated-at
        accepted();
        database.putBackByReconciliation(PO);

        // when the next run reads the same snapshot
        Result result = protocol().export(READ, document(ErpAction.UPDATE), 2, false);

        // then it goes to the ERP under a key the ERP has not applied, naming the ERP's document, and is marked
        assertThat(result).isEqualTo(Result.EXPORTED);
        assertThat(erp.deliveries()).extracting(ErpDelivery::idempotencyKey, ErpDelivery::erpDocumentId)
            .containsExactly(tuple(READ.idempotencyKey() + "-replay-2", "ERP-77"));
        assertThat(coupa.calls()).containsExactly("mark exported 4821");
    }

    @Test
    void theSameContentUnderANewKeyIsSentAgainNotOnlyMarked() {
        // given the ERP accepted the snapshot, then reconcile --fix put the PO back, which moved its updated-at
        accepted();
        database.putBackByReconciliation(PO);

        // when the next run reads it with the same content
        Result result = protocol().export(EDITED, document(ErpAction.UPDATE), 2, false);

        // then it is sent, not taken as held already
        assertThat(result).isEqualTo(Result.EXPORTED);
        assertThat(erp.deliveredKeys()).containsExactly(EDITED.idempotencyKey());
    }

    @Test
    void withoutAPutBackTheSameContentIsOnlyMarked() {
        // given the ERP accepted the snapshot
        accepted();

        // when the next run reads it with the same content under a new key
        Result result = protocol().export(EDITED, document(ErpAction.UPDATE), 2, false);

        // then the ERP holds it already: only marked
        assertThat(result).isEqualTo(Result.SKIPPED);
        assertThat(erp.deliveries()).isEmpty();
    }

    private void accepted() {
        ledger.recordSending(READ, document(ErpAction.CREATE), 1);
        ledger.recordAccepted(READ.idempotencyKey(), 201, "ERP-77");
    }

    private ExportProtocol protocol() {
        return new ExportProtocol(erp, coupa, ledger, MarkExported.AFTER_ERP);
    }
}
