package io.github.coupapoexport.erp.staging;

import java.util.Map;
import java.util.Set;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.coupapoexport.erp.staging.StagingFixtures.KNOWN_SUPPLIER;
import static io.github.coupapoexport.erp.staging.StagingFixtures.KNOWN_UNIT;
import static io.github.coupapoexport.erp.staging.StagingFixtures.delivery;
import static io.github.coupapoexport.erp.staging.StagingFixtures.purchaseOrder;
import static io.github.coupapoexport.erp.staging.StagingFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several attempts under one key, and an ERP whose people resubmit an attempt its import rejected (EBS: fix the
 * interface row, set PROCESS_CODE back to PENDING, run the import again): the ERP holds the PO once an attempt of it
 * is accepted, whichever attempt that is. The same on every database a subclass opens.
 */
abstract class StagingAttemptScenarios {

    /** A PO whose second line's unit the ERP does not know at first. */
    private static final ErpDelivery UNKNOWN_UNIT = delivery(purchaseOrder("PO-1", 1, KNOWN_SUPPLIER, "BOX"));

    private static final String KEY = UNKNOWN_UNIT.idempotencyKey();

    private StagingDatabase database;

    private JdbcTemplate jdbc;

    private StagingTablesErp erp;

    private StandInImportProgram importProgram;

    abstract StagingDatabase open();

    @BeforeEach
    void ownTablesInAFreshDatabase() {
        database = open();
        database.createOwnTables();
        jdbc = database.jdbc();
        erp = StagingTablesConfiguration.erp(settings(Map.of("url", database.url())));
        importProgram = new StandInImportProgram(jdbc, StagingLayout.preset(StagingLayout.OWN), Set.of(
                KNOWN_SUPPLIER), Set.of(KNOWN_UNIT));
    }

    @AfterEach
    void dropTheDatabase() throws Exception {
        erp.close();
        database.close();
    }

    @Test
    void anAttemptTheErpAcceptsAfterALaterOneWasWrittenIsTheVerdictNotTheLaterRejection() {
        // given attempt 1 rejected, attempt 2 written, and then attempt 1 resubmitted in the ERP and accepted, so that
        // the ERP's import refuses attempt 2 as a second copy of the PO
        erp.deliver(UNKNOWN_UNIT);
        importProgram.run();
        erp.deliver(UNKNOWN_UNIT);
        resubmittedAndDecided(KEY, "ACCEPTED", "ERP-1");
        resubmittedAndDecided(KEY + "#2", "REJECTED", null);

        // when the job reads the verdict
        ErpAnswer verdict = erp.verdict(KEY);

        // then the ERP holds the PO (read from attempt 2 alone it would be reported rejected, and its next version
        // would go out as a second CREATE)
        assertThat(verdict).isEqualTo(new ErpAnswer.Accepted(null, "ERP-1", false));
    }

    @Test
    void aDeliveryAfterAnEarlierAttemptWasAcceptedWritesNoFurtherAttempt() {
        // given attempts 1 and 2 rejected, and then attempt 1 resubmitted in the ERP and accepted
        erp.deliver(UNKNOWN_UNIT);
        importProgram.run();
        erp.deliver(UNKNOWN_UNIT);
        importProgram.run();
        resubmittedAndDecided(KEY, "ACCEPTED", "ERP-1");

        // when the job sends the snapshot again (it was recorded as rejected, and Coupa still shows it unexported)
        ErpAnswer again = erp.deliver(UNKNOWN_UNIT);

        // then nothing is written: an attempt 3 would be the same PO applied a second time
        assertThat(again).isEqualTo(new ErpAnswer.Accepted(null, "ERP-1", true));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM STAGING_PO_HEADERS", Integer.class)).isEqualTo(2);
    }

    @Test
    void anAttemptResubmittedInTheErpIsStillQueuedThoughALaterOneWasRejected() {
        // given attempts 1 and 2 rejected, and attempt 1 set back to pending by someone in the ERP
        erp.deliver(UNKNOWN_UNIT);
        importProgram.run();
        erp.deliver(UNKNOWN_UNIT);
        importProgram.run();
        resubmittedAndDecided(KEY, "PENDING", null);

        // when the job sends the snapshot again, and reads its verdict
        ErpAnswer again = erp.deliver(UNKNOWN_UNIT);

        // then nothing more is written while the ERP's import may still accept attempt 1
        assertThat(again).isInstanceOf(ErpAnswer.Queued.class);
        assertThat(erp.verdict(KEY)).isInstanceOf(ErpAnswer.Queued.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM STAGING_PO_HEADERS", Integer.class)).isEqualTo(2);
    }

    @Test
    void rowsTheErpPurgedBeforeTheirVerdictWasReadAreNeitherARejectionNorWrittenAgainByTheVerdict() {
        // given a PO the ERP imported, whose rows it then purged ("Purge Open Interface Processed Data")
        ErpDelivery accepted = delivery(purchaseOrder("PO-2", 2, KNOWN_SUPPLIER, KNOWN_UNIT));
        erp.deliver(accepted);
        importProgram.run();
        jdbc.update("DELETE FROM STAGING_PO_DISTRIBUTIONS");
        jdbc.update("DELETE FROM STAGING_PO_LINES");
        jdbc.update("DELETE FROM STAGING_PO_HEADERS");

        // when the job reads its verdict
        ErpAnswer verdict = erp.verdict(accepted.idempotencyKey());

        // then it cannot tell, says so, and nothing is written
        assertThat(verdict).isInstanceOfSatisfying(ErpAnswer.Vanished.class, unreadable -> assertThat(
                unreadable.reason()).contains("no staging row under key", "purged before its verdict was read?"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM STAGING_PO_HEADERS", Integer.class)).isZero();
    }

    /** What the ERP's people and import did with one attempt, its rows fixed by hand. */
    private void resubmittedAndDecided(String storedKey, String status, String erpDocumentId) {
        jdbc.update("UPDATE STAGING_PO_HEADERS SET STATUS = ?, ERP_DOCUMENT_ID = ? WHERE SOURCE_KEY = ?", status,
                erpDocumentId, storedKey);
    }
}
