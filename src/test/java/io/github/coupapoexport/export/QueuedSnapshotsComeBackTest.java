package io.github.coupapoexport.export;

import java.util.List;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.export.ExportProtocol.Result;
import io.github.coupapoexport.ledger.CoupaMark;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.ledger.LedgerEntry;
import io.github.coupapoexport.ledger.LedgerOutcome;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.export.Po4821.EDITED;
import static io.github.coupapoexport.export.Po4821.ID;
import static io.github.coupapoexport.export.Po4821.READ;
import static io.github.coupapoexport.export.Po4821.document;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a PO the ERP's import rejected, or whose queueing went unanswered, comes back: the real ledger on H2, an ERP and
 * a Coupa that answer as each test says.
 */
class QueuedSnapshotsComeBackTest {

    private final LedgerOnH2 database = new LedgerOnH2();

    private final ExportLedger ledger = database.ledger();

    private final ScriptedErp erp = new ScriptedErp();

    private final ScriptedCoupaMarks coupa = new ScriptedCoupaMarks().holds(ID, 2, "issued");

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void poPutBackForARejectionIsNotSentAgainUnchangedByTheSameRunButByTheNext() {
        // given a PO queued and marked, rejected by the ERP's import, and put back by the next run (execution 2),
        // which moved its updated-at, so that the same run reads it again under a new key
        erp.answering(new ErpAnswer.Queued("HDR-1", true), new ErpAnswer.Queued("HDR-2", true))
            .deciding(new ErpAnswer.Rejected(null, "unknown supplier"));
        protocol().export(READ, document(ErpAction.CREATE), 1, false);
        unfinished().finish(2);

        // when execution 2 reads it again, unchanged
        Result sameRun = protocol().export(EDITED, document(ErpAction.CREATE), 2, false);

        // then it is neither sent nor recorded, and stays unexported; execution 3 sends it
        assertThat(sameRun).isEqualTo(Result.FAILED);
        assertThat(erp.deliveredKeys()).containsExactly(READ.idempotencyKey());
        assertThat(ledger.find(EDITED.idempotencyKey())).isEmpty();
        assertThat(coupa.exported(ID)).isFalse();
        Result nextRun = protocol().export(EDITED, document(ErpAction.CREATE), 3, false);
        assertThat(nextRun).isEqualTo(Result.QUEUED);
        assertThat(erp.deliveredKeys()).containsExactly(READ.idempotencyKey(), EDITED.idempotencyKey());
    }

    @Test
    void poRejectedAndChangedByTheBuyerIsSentByTheSameRun() {
        // given a PO rejected by the ERP's import, read in the same run as a new version with another quantity
        erp.answering(new ErpAnswer.Queued("HDR-1", false), new ErpAnswer.Queued("HDR-2", false))
            .deciding(new ErpAnswer.Rejected(null, "quantity"));
        protocol().export(READ, document(ErpAction.CREATE), 1, false);
        unfinished().finish(2);
        ErpPurchaseOrder changed = document(ErpAction.CREATE);
        ErpPurchaseOrder fixed = new ErpPurchaseOrder(changed.source(), changed.coupaId(), changed.poNumber(), 2,
                changed.action(), changed.status(), changed.currency(), "240.00", changed.supplier(),
                changed.paymentTerm(), changed.shipTo(), changed.requester(), changed.lines());

        // when
        Result result = protocol().export(EDITED, fixed, 2, false);

        // then
        assertThat(result).isEqualTo(Result.QUEUED);
        assertThat(erp.deliveredKeys()).containsExactly(READ.idempotencyKey(), EDITED.idempotencyKey());
    }

    @Test
    void queueingWhoseAnswerWasLostIsFoundQueuedAndMarkedOnlyAsThePolicySays() {
        // given a run that wrote the PO into the ERP's queue and never heard so
        ledger.recordSending(READ, document(ErpAction.CREATE), 1);
        erp.answering(new ErpAnswer.Queued("HDR-1", false));

        // when the next run sends it again under its key, and the ERP finds it queued
        List<Result> results = unfinished().finish(2);

        // then it waits, unmarked, for the ERP's verdict
        assertThat(results).containsExactly(Result.QUEUED);
        assertThat(coupa.calls()).isEmpty();
        assertThat(database.row(READ)).extracting(LedgerEntry::outcome, LedgerEntry::coupaMark,
                LedgerEntry::jobExecutionId).containsExactly(LedgerOutcome.QUEUED, null, 2L);
    }

    @Test
    void queueingWhoseAnswerWasLostIsMarkedWhenThePolicyCountsItAsExported() {
        // given
        ledger.recordSending(READ, document(ErpAction.CREATE), 1);
        erp.answering(new ErpAnswer.Queued("HDR-1", true));

        // when
        List<Result> results = unfinished().finish(2);

        // then
        assertThat(results).containsExactly(Result.QUEUED);
        assertThat(coupa.exported(ID)).isTrue();
        assertThat(database.row(READ).coupaMark()).isEqualTo(CoupaMark.MARKED);
    }

    private ExportProtocol protocol() {
        return new ExportProtocol(erp, coupa, ledger, MarkExported.AFTER_ERP);
    }

    private UnfinishedSnapshots unfinished() {
        return new UnfinishedSnapshots(erp, coupa, ledger, 3, () -> {
        });
    }
}
