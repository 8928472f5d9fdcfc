package io.github.coupapoexport.erp.staging;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
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
import static io.github.coupapoexport.erp.staging.StagingFixtures.withSecondLineSegments;
import static org.assertj.core.api.Assertions.assertThat;

/** The adapter on our own tables ({@code sql/staging/}), the same on every database a subclass opens. */
abstract class StagingScenarios {

    private StagingDatabase database;

    private JdbcTemplate jdbc;

    private StagingTablesErp erp;

    private StandInImportProgram importProgram;

    /** A database of this test's own, empty. */
    abstract StagingDatabase open();

    @BeforeEach
    void ownTablesInAFreshDatabase() {
        database = open();
        database.createOwnTables();
        jdbc = database.jdbc();
        erp = erp(Map.of("url", database.url()));
        importProgram = new StandInImportProgram(jdbc, StagingLayout.preset(StagingLayout.OWN), Set.of(
                KNOWN_SUPPLIER), Set.of(KNOWN_UNIT));
    }

    @AfterEach
    void dropTheDatabase() throws Exception {
        erp.close();
        database.close();
    }

    @Test
    void aPoWithSplitAccountingIsWrittenAsHeaderLinesAndOneDistributionPerAllocation() {
        // when
        ErpAnswer answer = erp.deliver(accepted("PO-1", 1));

        // then
        assertThat(answer).isInstanceOf(ErpAnswer.Queued.class);
        assertThat(((ErpAnswer.Queued) answer).countsAsExported()).isFalse();
        Map<String, Object> header = jdbc.queryForMap("SELECT HEADER_ID, SOURCE_KEY, ACTION, STATUS, PO_NUMBER,"
                + " SUPPLIER_NUMBER, TOTAL FROM STAGING_PO_HEADERS");
        assertThat(String.valueOf(header.get("HEADER_ID"))).isEqualTo(((ErpAnswer.Queued) answer).queueId());
        assertThat(header).containsEntry("SOURCE_KEY", "coupa-1-1-2026-12-01T10:00:00Z").containsEntry("ACTION",
                "CREATE").containsEntry("STATUS", "PENDING").containsEntry("PO_NUMBER", "PO-1")
            .containsEntry("SUPPLIER_NUMBER", KNOWN_SUPPLIER);
        assertThat((BigDecimal) header.get("TOTAL")).isEqualByComparingTo("10450");
        assertThat(jdbc.queryForList("SELECT LINE_NUMBER FROM STAGING_PO_LINES ORDER BY LINE_NUMBER", Integer.class))
            .containsExactly(1, 2);
        List<Map<String, Object>> distributions = jdbc.queryForList("SELECT l.LINE_NUMBER, d.DISTRIBUTION_NUMBER,"
                + " d.PERCENTAGE, d.AMOUNT, d.QUANTITY, d.ACCOUNT_CODE, d.SEGMENT_3 FROM STAGING_PO_DISTRIBUTIONS d"
                + " JOIN STAGING_PO_LINES l ON l.LINE_ID = d.LINE_ID ORDER BY l.LINE_NUMBER, d.DISTRIBUTION_NUMBER");
        assertThat(distributions).hasSize(3);
        assertDistribution(distributions.get(0), "60", "6000", "6", "1000-410-CC1", "CC1");
        assertDistribution(distributions.get(1), "40", "4000", "4", "1000-410-CC2", "CC2");
        assertDistribution(distributions.get(2), "100", "450", "3", "1000-420-CC1", "CC1");
    }

    @Test
    void aRepeatUnderTheSameKeyWritesNothingAndAnswersWhatTheErpMadeOfTheFirst() {
        // given a PO staged once
        ErpAnswer.Queued first = (ErpAnswer.Queued) erp.deliver(accepted("PO-1", 1));

        // when it is delivered again while pending, and again once the ERP accepted it
        ErpAnswer whilePending = erp.deliver(accepted("PO-1", 1));
        importProgram.run();
        ErpAnswer onceAccepted = erp.deliver(accepted("PO-1", 1));

        // then
        assertThat(whilePending).isEqualTo(new ErpAnswer.Queued(first.queueId(), false));
        assertThat(onceAccepted).isEqualTo(new ErpAnswer.Accepted(null, "ERP-" + first.queueId(), true));
        assertThat(count("STAGING_PO_HEADERS")).isEqualTo(1);
        assertThat(count("STAGING_PO_LINES")).isEqualTo(2);
        assertThat(count("STAGING_PO_DISTRIBUTIONS")).isEqualTo(3);
    }

    @Test
    void theVerdictIsPendingThenAcceptedOrRejectedWithTheErpsMessages() {
        // given one PO the ERP will accept and one with an unknown supplier and an unknown unit on line 2
        ErpDelivery good = accepted("PO-1", 1);
        ErpDelivery bad = delivery(purchaseOrder("PO-2", 2, "S-999", "BOX"));
        ErpAnswer.Queued queued = (ErpAnswer.Queued) erp.deliver(good);
        erp.deliver(bad);
        ErpAnswer beforeImport = erp.verdict(good.idempotencyKey());

        // when the ERP's import runs
        importProgram.run();

        // then
        assertThat(beforeImport).isEqualTo(new ErpAnswer.Queued(queued.queueId(), false));
        assertThat(erp.verdict(good.idempotencyKey())).isEqualTo(new ErpAnswer.Accepted(null, "ERP-"
                + queued.queueId(), false));
        assertThat(erp.verdict(bad.idempotencyKey())).isEqualTo(new ErpAnswer.Rejected(null,
                "header SUPPLIER_NUMBER: supplier S-999 is unknown; line 2 UOM: unit of measure BOX is unknown"));
    }

    @Test
    void aStatusTheAdapterDoesNotKnowCountsAsPendingAndWhenQueuedMarksExported() throws Exception {
        // given an adapter that counts a queued PO as exported, and a row the ERP's import is working on
        erp.close();
        erp = erp(Map.of("url", database.url(), "mark-exported", "when-queued"));
        ErpAnswer.Queued queued = (ErpAnswer.Queued) erp.deliver(accepted("PO-1", 1));
        importProgram.markInProcess("IN PROCESS");

        // then
        assertThat(queued.countsAsExported()).isTrue();
        assertThat(erp.verdict(accepted("PO-1", 1).idempotencyKey())).isEqualTo(queued);
    }

    @Test
    void afterARejectionTheNextDeliveryWritesAttemptTwoWhichTheErpMayAccept() {
        // given a PO the ERP rejected for its unit of measure
        ErpDelivery rejected = delivery(purchaseOrder("PO-1", 1, KNOWN_SUPPLIER, "BOX"));
        erp.deliver(rejected);
        importProgram.run();

        // when the same snapshot is sent again once the ERP knows the unit
        ErpAnswer again = erp.deliver(rejected);
        new StandInImportProgram(jdbc, StagingLayout.preset(StagingLayout.OWN), Set.of(KNOWN_SUPPLIER),
                Set.of(KNOWN_UNIT, "BOX")).run();

        // then
        assertThat(again).isInstanceOf(ErpAnswer.Queued.class);
        assertThat(jdbc.queryForList("SELECT SOURCE_KEY FROM STAGING_PO_HEADERS ORDER BY HEADER_ID", String.class))
            .containsExactly(rejected.idempotencyKey(), rejected.idempotencyKey() + "#2");
        assertThat(erp.verdict(rejected.idempotencyKey())).isEqualTo(new ErpAnswer.Accepted(null, "ERP-"
                + ((ErpAnswer.Queued) again).queueId(), false));
    }

    @Test
    void aValueTooLongForItsColumnRejectsThePoNamingTheColumnAndLeavesNoRowBehind() {
        // when line 2's unit of measure is longer than STAGING_PO_LINES.UOM (30)
        ErpAnswer answer = erp.deliver(delivery(purchaseOrder("PO-7", 7, KNOWN_SUPPLIER, "X".repeat(31))));

        // then
        assertThat(answer).isInstanceOf(ErpAnswer.Rejected.class);
        assertThat(((ErpAnswer.Rejected) answer).message()).startsWith("PO PO-7: ").containsIgnoringCase("UOM")
            .contains("30");
        assertThat(count("STAGING_PO_HEADERS") + count("STAGING_PO_LINES")).isZero();
    }

    @Test
    void aFailingDistributionInsertLeavesNoHeaderAndNoLine() {
        // given a last distribution whose segment no column holds (SEGMENT_3 has 100 characters)
        ErpDelivery delivery = delivery(withSecondLineSegments(purchaseOrder("PO-8", 8, KNOWN_SUPPLIER, KNOWN_UNIT),
                Map.of("segment-1", "1000", "segment-3", "C".repeat(101))));

        // when
        ErpAnswer answer = erp.deliver(delivery);

        // then
        assertThat(answer).isInstanceOf(ErpAnswer.Rejected.class);
        assertThat(((ErpAnswer.Rejected) answer).message()).containsIgnoringCase("SEGMENT_3");
        assertThat(count("STAGING_PO_HEADERS") + count("STAGING_PO_LINES") + count("STAGING_PO_DISTRIBUTIONS"))
            .isZero();
    }

    @Test
    void aMissingTableRefusesTheSetupNamingTheScriptThatCreatesIt() throws Exception {
        // given an adapter pointed at a table that is not there
        erp.close();
        erp = erp(Map.of("url", database.url(), "tables.headers", "NO_SUCH_HEADERS"));

        // when
        ErpAnswer answer = erp.deliver(accepted("PO-1", 1));

        // then
        assertThat(answer).isInstanceOf(ErpAnswer.Refused.class);
        assertThat(((ErpAnswer.Refused) answer).reason()).contains("sql/staging/" + database.sqlFile())
            .doesNotContain("password");
    }

    @Test
    void aDatabaseThatDoesNotAnswerLeavesThePoUnreachableAfterTheRetries() throws Exception {
        // given nothing listening where the adapter connects
        erp.close();
        erp = erp(Map.of("url", database.closedPortUrl(), "timeout", "300ms"));

        // when
        ErpAnswer answer = erp.deliver(accepted("PO-1", 1));

        // then
        assertThat(answer).isInstanceOf(ErpAnswer.Unreachable.class);
        assertThat(((ErpAnswer.Unreachable) answer).reason()).contains("2 attempts");
        assertThat(erp.verdict("coupa-1-1")).isInstanceOf(ErpAnswer.Unreachable.class);
    }

    @Test
    void posDeliveredFromSeveralThreadsAtOnceAllLand() throws Exception {
        // given
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            // when eight POs are delivered by four threads
            List<Future<ErpAnswer>> answers = IntStream.rangeClosed(1, 8).mapToObj(number -> senders.submit(
                    () -> erp.deliver(accepted("PO-" + number, number)))).toList();

            // then
            for (Future<ErpAnswer> answer : answers) {
                assertThat(answer.get()).isInstanceOf(ErpAnswer.Queued.class);
            }
        }
        finally {
            senders.shutdown();
        }
        assertThat(count("STAGING_PO_HEADERS")).isEqualTo(8);
        assertThat(count("STAGING_PO_LINES")).isEqualTo(16);
        assertThat(count("STAGING_PO_DISTRIBUTIONS")).isEqualTo(24);
    }

    @Test
    void aWriterThatWinsTheUniqueKeyWhileTheAdapterWritesIsAnsweredAsARepeat() throws Exception {
        // given another writer that has staged the same key and not yet committed
        ErpDelivery delivery = accepted("PO-1", 1);
        try (Connection other = DriverManager.getConnection(database.url())) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("INSERT INTO STAGING_PO_HEADERS (SOURCE_KEY,"
                    + " ACTION, STATUS, COUPA_ID, PO_NUMBER, CREATED_AT) VALUES (?, 'CREATE', 'PENDING', 1, 'PO-1',"
                    + " CURRENT_TIMESTAMP)")) {
                insert.setString(1, delivery.idempotencyKey());
                insert.executeUpdate();
            }

            // when the adapter delivers it meanwhile (its insert waits on the unique key) and the other commits
            CompletableFuture<ErpAnswer> answer = CompletableFuture.supplyAsync(() -> erp.deliver(delivery));
            Thread.sleep(500);
            other.commit();

            // then
            String headerId = jdbc.queryForObject("SELECT HEADER_ID FROM STAGING_PO_HEADERS", String.class);
            assertThat(answer.get()).isEqualTo(new ErpAnswer.Queued(headerId, false));
            assertThat(count("STAGING_PO_HEADERS")).isEqualTo(1);
            assertThat(count("STAGING_PO_LINES")).isZero();
        }
    }

    private StagingTablesErp erp(Map<String, String> keys) {
        return StagingTablesConfiguration.erp(settings(keys));
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    private static void assertDistribution(Map<String, Object> row, String percentage, String amount,
            String quantity, String account, String segment3) {
        assertThat((BigDecimal) row.get("PERCENTAGE")).isEqualByComparingTo(percentage);
        assertThat((BigDecimal) row.get("AMOUNT")).isEqualByComparingTo(amount);
        assertThat((BigDecimal) row.get("QUANTITY")).isEqualByComparingTo(quantity);
        assertThat(row).containsEntry("ACCOUNT_CODE", account).containsEntry("SEGMENT_3", segment3);
    }
}
