package io.github.coupapoexport.erp.staging;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.coupapoexport.erp.staging.StagingFixtures.KNOWN_SUPPLIER;
import static io.github.coupapoexport.erp.staging.StagingFixtures.KNOWN_UNIT;
import static io.github.coupapoexport.erp.staging.StagingFixtures.accepted;
import static io.github.coupapoexport.erp.staging.StagingFixtures.delivery;
import static io.github.coupapoexport.erp.staging.StagingFixtures.purchaseOrder;
import static io.github.coupapoexport.erp.staging.StagingFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle-ebs preset on stand-ins for EBS's purchasing open interface tables and sequences
 * ({@code src/test/resources/staging/oracle-ebs-standin.sql}), the same on every database a subclass opens.
 */
abstract class StagingEbsScenarios {

    private StagingDatabase database;

    private JdbcTemplate jdbc;

    private StagingTablesErp erp;

    private StandInImportProgram importProgram;

    abstract StagingDatabase open();

    /** How this database calls a sequence, e.g. {@code nextval('%s')}; EBS's own is {@code %s.NEXTVAL}. */
    abstract String nextValue();

    @BeforeEach
    void ebsInterfaceTablesInAFreshDatabase() {
        database = open();
        database.createEbsTables();
        jdbc = database.jdbc();
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("url", database.url());
        keys.put("layout", "oracle-ebs");
        keys.put("constants.headers.org-id", "204");
        keys.put("constants.headers[BATCH_ID]", "7");
        keys.put("id-expressions.headers", nextValue().formatted("PO_HEADERS_INTERFACE_S"));
        keys.put("id-expressions.lines", nextValue().formatted("PO_LINES_INTERFACE_S"));
        keys.put("id-expressions.distributions", nextValue().formatted("PO_DISTRIBUTIONS_INTERFACE_S"));
        StagingTablesProperties settings = settings(keys);
        erp = StagingTablesConfiguration.erp(settings);
        importProgram = new StandInImportProgram(jdbc, settings.stagingLayout(), Set.of(KNOWN_SUPPLIER),
                Set.of(KNOWN_UNIT));
    }

    @AfterEach
    void dropTheDatabase() throws Exception {
        erp.close();
        database.close();
    }

    @Test
    void aPoBecomesRowsOfTheOpenInterfaceLinkedByEbsSequences() {
        // when
        ErpAnswer answer = erp.deliver(accepted("PO-1", 1));

        // then
        assertThat(answer).isInstanceOf(ErpAnswer.Queued.class);
        Map<String, Object> header = jdbc.queryForMap("SELECT INTERFACE_HEADER_ID, ATTRIBUTE15, ACTION, PROCESS_CODE,"
                + " DOCUMENT_TYPE_CODE, INTERFACE_SOURCE_CODE, ORG_ID, BATCH_ID, DOCUMENT_NUM, VENDOR_NUM, ATTRIBUTE14"
                + " FROM PO_HEADERS_INTERFACE");
        assertThat(header).containsEntry("ATTRIBUTE15", "coupa-1-1-2026-12-01T10:00:00Z").containsEntry("ACTION",
                "ORIGINAL").containsEntry("PROCESS_CODE", "PENDING").containsEntry("DOCUMENT_TYPE_CODE", "STANDARD")
            .containsEntry("INTERFACE_SOURCE_CODE", "COUPA").containsEntry("DOCUMENT_NUM", "PO-1")
            .containsEntry("VENDOR_NUM", KNOWN_SUPPLIER).containsEntry("ATTRIBUTE14", "issued");
        assertThat(((Number) header.get("ORG_ID")).intValue()).isEqualTo(204);
        assertThat(((Number) header.get("BATCH_ID")).intValue()).isEqualTo(7);
        assertThat(header.get("INTERFACE_HEADER_ID").toString()).isEqualTo(((ErpAnswer.Queued) answer).queueId());
        List<BigDecimal> quantities = jdbc.queryForList("SELECT d.QUANTITY_ORDERED FROM PO_DISTRIBUTIONS_INTERFACE d"
                + " JOIN PO_LINES_INTERFACE l ON l.INTERFACE_LINE_ID = d.INTERFACE_LINE_ID AND"
                + " l.INTERFACE_HEADER_ID = d.INTERFACE_HEADER_ID ORDER BY l.LINE_NUM, d.DISTRIBUTION_NUM",
                BigDecimal.class);
        assertThat(quantities).usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("6"),
                new BigDecimal("4"), new BigDecimal("3"));
        assertThat(jdbc.queryForList("SELECT CHARGE_ACCOUNT_SEGMENT3 FROM PO_DISTRIBUTIONS_INTERFACE ORDER BY"
                + " INTERFACE_DISTRIBUTION_ID", String.class)).containsExactly("CC1", "CC2", "CC1");
    }

    @Test
    void theImportsVerdictIsReadBackWithItsMessagesFromPoInterfaceErrors() {
        // given one PO EBS accepts and one with an unknown vendor and unit, and an error of another interface
        ErpDelivery good = accepted("PO-1", 1);
        ErpDelivery bad = delivery(purchaseOrder("PO-2", 2, "S-999", "BOX"));
        ErpAnswer.Queued queued = (ErpAnswer.Queued) erp.deliver(good);
        ErpAnswer.Queued rejected = (ErpAnswer.Queued) erp.deliver(bad);
        jdbc.update("INSERT INTO PO_INTERFACE_ERRORS (INTERFACE_TRANSACTION_ID, INTERFACE_TYPE, INTERFACE_HEADER_ID,"
                + " ERROR_MESSAGE) VALUES (1000, 'RCV-856', ?, 'a receiving error')", Long.valueOf(rejected.queueId()));

        // when
        importProgram.run();

        // then
        assertThat(erp.verdict(good.idempotencyKey())).isEqualTo(new ErpAnswer.Accepted(null, String.valueOf(
                900_000L + Long.parseLong(queued.queueId())), false));
        assertThat(erp.verdict(bad.idempotencyKey())).isEqualTo(new ErpAnswer.Rejected(null,
                "header VENDOR_NUM: supplier S-999 is unknown; line 2 UNIT_OF_MEASURE: unit of measure BOX is"
                        + " unknown"));
    }

    @Test
    void inProcessIsStillPendingAndARepeatWritesNothing() {
        // given a PO EBS's import is working on
        ErpAnswer.Queued queued = (ErpAnswer.Queued) erp.deliver(accepted("PO-1", 1));
        importProgram.markInProcess("IN PROCESS");

        // when
        ErpAnswer repeat = erp.deliver(accepted("PO-1", 1));

        // then
        assertThat(repeat).isEqualTo(queued);
        assertThat(erp.verdict(accepted("PO-1", 1).idempotencyKey())).isEqualTo(queued);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM PO_HEADERS_INTERFACE", Integer.class)).isEqualTo(1);
    }

    @Test
    void aKeyLongerThanTheFlexfieldIsStoredAsItsDigestAndStillFound() {
        // given a key of 180 characters for ATTRIBUTE15 (150)
        ErpPurchaseOrder document = purchaseOrder("PO-1", 1, KNOWN_SUPPLIER, KNOWN_UNIT);
        ErpDelivery delivery = ErpDelivery.of("coupa-1-1-" + "x".repeat(170), document, null);

        // when
        ErpAnswer first = erp.deliver(delivery);
        ErpAnswer repeat = erp.deliver(delivery);

        // then
        assertThat(repeat).isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT ATTRIBUTE15 FROM PO_HEADERS_INTERFACE", String.class))
            .startsWith("sha256-").hasSize(7 + 64);
    }
}
