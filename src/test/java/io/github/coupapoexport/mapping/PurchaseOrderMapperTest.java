package io.github.coupapoexport.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.coupapoexport.mapping.PurchaseOrderExport.InvalidPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderExport.ReadyForErp;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.coupapoexport.mapping.LineBuilder.amountLine;
import static io.github.coupapoexport.mapping.LineBuilder.quantityLine;
import static io.github.coupapoexport.mapping.PoBuilder.po;
import static org.assertj.core.api.Assertions.assertThat;

class PurchaseOrderMapperTest {

    private static final Optional<PreviousExport> NEVER_SENT = Optional.empty();

    private final PurchaseOrderMapper mapper = new PurchaseOrderMapper(
            new ValueMaps(Map.of("each", "EA"), Map.of("Net 45", "NET45")));

    @Nested
    class Action {

        @ParameterizedTest
        @CsvSource({"issued, CREATE", "buyer_hold, CREATE", "canceled, CANCEL", "cancelled, CANCEL", "CANCELLED, CANCEL",
                "closed, CLOSE", "soft_closed, CLOSE"})
        void followsTheStatusForAPoNeverSentBefore(String status, ErpAction action) {
            assertThat(document(po().status(status), NEVER_SENT).action()).isEqualTo(action);
        }

        @ParameterizedTest
        @CsvSource({"issued, UPDATE", "canceled, CANCEL", "cancelled, CANCEL", "closed, CLOSE", "soft_closed, CLOSE"})
        void followsTheStatusForAPoTheErpAlreadyHolds(String status, ErpAction action) {
            assertThat(document(po().status(status), sent(15001, "1")).action()).isEqualTo(action);
        }

        @Test
        void documentCarriesTheCoupaStatusInLowerCase() {
            assertThat(document(po().status(" Issued "), NEVER_SENT).status()).isEqualTo("issued");
        }
    }

    @Nested
    class DeletedLines {

        @Test
        void lineWithDeletedAtIsSentAsDeleted() {
            ErpPurchaseOrder document = document(po().line(quantityLine(15001, "1"))
                .line(amountLine(15002, "2").deletedAt("2026-03-05T11:02:40-08:00")), sent(15001, "1"));

            assertThat(document.lines()).extracting(ErpPurchaseOrder.Line::coupaLineId, ErpPurchaseOrder.Line::deleted)
                .containsExactly(Tuple.tuple(15001L, false),
                        Tuple.tuple(15002L, true));
        }

        @Test
        void lineSentLastTimeAndMissingNowIsSentAsDeletedWithTheValuesTheErpHolds() {
            // given the ERP accepted a document with lines 1 and 3
            ErpPurchaseOrder accepted = document(po().line(quantityLine(15001, "1"))
                .line(quantityLine(15003, "3").quantity("10").price("20.00").total(null).uom("each")), NEVER_SENT);

            // when line 3 is no longer returned
            ErpPurchaseOrder document = document(po().line(quantityLine(15001, "1")),
                    Optional.of(new PreviousExport(accepted.liveLines())));

            // then it is deleted with everything the ERP holds for it
            assertThat(document.lines()).hasSize(2);
            assertThat(document.lines().get(1)).isEqualTo(new ErpPurchaseOrder.Line("3", 15003, "QUANTITY", "Item 15003",
                    "10", "EA", "20.00", "200.00", LocalDate.parse("2026-03-20"), "01-100-8000", "Safety Equipment",
                    true));
        }

        @Test
        void lineRememberedByAnOlderLedgerRowIsStillSentAsDeletedWithItsLineNumber() {
            ErpPurchaseOrder document = document(po().line(quantityLine(15001, "1")), Optional.of(new PreviousExport(
                    List.of(remembered(15001, "1"), remembered(15003, "3")))));

            assertThat(document.lines().get(1)).isEqualTo(remembered(15003, "3").asDeleted());
            assertThat(document.lines().get(1).deleted()).isTrue();
        }

        @Test
        void deletedLineIsNotCheckedForValuesTheErpDoesNotNeed() {
            ReadyForErp ready = (ReadyForErp) mapper.map(po().line(quantityLine(15001, "1"))
                .line(new LineBuilder(15002L, "2").type(null).quantity("n/a").price(null)
                    .deletedAt("2026-03-05T11:02:40-08:00")).build(), NEVER_SENT);

            assertThat(ready.document().lines().get(1).deleted()).isTrue();
            assertThat(ready.document().lines().get(1).quantity()).isNull();
        }

        @Test
        void onlyLiveLinesAreRememberedForTheNextDocument() {
            ErpPurchaseOrder document = document(po().line(quantityLine(15001, "1"))
                .line(amountLine(15002, "2").deletedAt("2026-03-05T11:02:40-08:00")), NEVER_SENT);

            assertThat(document.liveLines()).containsExactly(document.lines().get(0));
            assertThat(document.liveLines().get(0).coupaLineId()).isEqualTo(15001);
        }

        @Test
        void newLineIsSentAsNotDeleted() {
            ErpPurchaseOrder document = document(po().line(quantityLine(15001, "1")).line(quantityLine(15107, "3")),
                    sent(15001, "1"));

            assertThat(document.lines()).extracting(ErpPurchaseOrder.Line::deleted).containsExactly(false, false);
        }
    }

    @Nested
    class DecimalsAndDates {

        @ParameterizedTest
        @CsvSource({"50.0, 50", "60, 60", "2.500, 2.5", "0.000001, 0.000001", "1E+3, 1000", "1000000, 1000000"})
        void quantityIsAPlainDecimalWithoutTrailingZeros(String coupa, String erp) {
            assertThat(document(po().line(quantityLine(1, "1").quantity(coupa)), NEVER_SENT).lines().get(0).quantity())
                .isEqualTo(erp);
        }

        @ParameterizedTest
        @CsvSource({"5, 5.00", "5.0000, 5.00", "5.1234, 5.1234", "1E+3, 1000.00", "0, 0.00", "1250.5, 1250.50"})
        void moneyHasAtLeastTwoDecimalsAndKeepsEveryDigitCoupaSent(String coupa, String erp) {
            ErpPurchaseOrder document = document(po().total(coupa).line(quantityLine(1, "1").price(coupa).total(coupa)),
                    NEVER_SENT);

            assertThat(document.total()).isEqualTo(erp);
            assertThat(document.lines().get(0).unitPrice()).isEqualTo(erp);
            assertThat(document.lines().get(0).amount()).isEqualTo(erp);
        }

        @Test
        void quantityLineWithoutTotalIsPricedAsQuantityTimesPrice() {
            ErpPurchaseOrder.Line line = document(po().line(quantityLine(1, "1").quantity("3").price("1.10").total(null)),
                    NEVER_SENT).lines().get(0);

            assertThat(line.amount()).isEqualTo("3.30");
        }

        @Test
        void poWithoutTotalIsTheSumOfItsLiveLines() {
            ErpPurchaseOrder document = document(po().total(null)
                .line(quantityLine(1, "1").quantity("2").price("10.00").total(null))
                .line(amountLine(2, "2").price("5.50").total("5.50"))
                .line(amountLine(3, "3").price("99.00").total("99.00").deletedAt("2026-03-05T11:02:40-08:00")),
                    NEVER_SENT);

            assertThat(document.total()).isEqualTo("25.50");
        }

        @Test
        void amountLineHasNoQuantityOrUnitOfMeasure() {
            ErpPurchaseOrder.Line line = document(po().line(amountLine(1, "1").quantity("7").uom("EA").price("300")
                .total(null)), NEVER_SENT).lines().get(0);

            assertThat(line.type()).isEqualTo("AMOUNT");
            assertThat(line.quantity()).isNull();
            assertThat(line.uom()).isNull();
            assertThat(line.unitPrice()).isEqualTo("300.00");
            assertThat(line.amount()).isEqualTo("300.00");
        }

        @Test
        void amountLineWithOnlyATotalUsesItAsPrice() {
            ErpPurchaseOrder.Line line = document(po().line(amountLine(1, "1").price(null).total("80")), NEVER_SENT)
                .lines().get(0);

            assertThat(line.unitPrice()).isEqualTo("80.00");
        }

        @ParameterizedTest
        @CsvSource({"2026-03-20T00:00:00-07:00, 2026-03-20", "2026-03-20T23:30:00+09:00, 2026-03-20",
                "2026-03-20T00:00:00Z, 2026-03-20", "2026-03-20, 2026-03-20"})
        void needByDateIsTheDayInTheZoneCoupaSentItIn(String coupa, LocalDate erp) {
            assertThat(document(po().line(quantityLine(1, "1").needBy(coupa)), NEVER_SENT).lines().get(0).needByDate())
                .isEqualTo(erp);
        }

        @Test
        void lineWithoutNeedByDateHasNone() {
            assertThat(document(po().line(quantityLine(1, "1").needBy(null)), NEVER_SENT).lines().get(0).needByDate())
                .isNull();
        }
    }

    @Nested
    class HeaderAndValueMaps {

        @Test
        void carriesSupplierShipToRequesterAndCurrency() {
            ErpPurchaseOrder document = document(po(), NEVER_SENT);

            assertThat(document.source()).isEqualTo("coupa");
            assertThat(document.coupaId()).isEqualTo(4821);
            assertThat(document.poNumber()).isEqualTo("PO-4821");
            assertThat(document.revision()).isEqualTo(2);
            assertThat(document.currency()).isEqualTo("USD");
            assertThat(document.supplier()).isEqualTo(new ErpPurchaseOrder.Supplier("SUP-0077", "Acme Industrial"));
            assertThat(document.shipTo()).isEqualTo(new ErpPurchaseOrder.ShipTo("HQ Dock", "250 Sycamore Ave", null,
                    "Redwood City", "CA", "94063", "US"));
            assertThat(document.requester()).isEqualTo("jdoe");
        }

        @Test
        void requesterIsPreferredOverTheShipToUser() {
            assertThat(document(po().requester("asmith"), NEVER_SENT).requester()).isEqualTo("asmith");
        }

        @Test
        void paymentTermAndUnitOfMeasureAreTranslatedByTheValueMaps() {
            ErpPurchaseOrder document = document(po().paymentTerm("Net 45").line(quantityLine(1, "1").uom("each")),
                    NEVER_SENT);

            assertThat(document.paymentTerm()).isEqualTo("NET45");
            assertThat(document.lines().get(0).uom()).isEqualTo("EA");
        }

        @Test
        void codesMissingFromTheValueMapsAreSentAsCoupaHasThem() {
            ErpPurchaseOrder document = document(po().paymentTerm("Net 90").line(quantityLine(1, "1").uom("PAL")),
                    NEVER_SENT);

            assertThat(document.paymentTerm()).isEqualTo("Net 90");
            assertThat(document.lines().get(0).uom()).isEqualTo("PAL");
        }

        @Test
        void lineCarriesAccountCommodityAndDescription() {
            ErpPurchaseOrder.Line line = document(po(), NEVER_SENT).lines().get(0);

            assertThat(line.accountCode()).isEqualTo("01-100-8000");
            assertThat(line.commodity()).isEqualTo("Safety Equipment");
            assertThat(line.description()).isEqualTo("Item 15001");
            assertThat(line.lineNumber()).isEqualTo("1");
        }

        @Test
        void snapshotKeyNamesIdVersionAndUpdatedAtAsCoupaSentThem() {
            PurchaseOrderExport export = mapper.map(po().build(), NEVER_SENT);

            assertThat(export.snapshot().idempotencyKey()).isEqualTo("coupa-4821-2-2026-03-05T11:02:44-08:00");
            assertThat(export.snapshot().updatedAt()).isEqualTo(OffsetDateTime.parse("2026-03-05T11:02:44-08:00"));
        }
    }

    @Nested
    class InvalidPurchaseOrders {

        @Test
        void supplierWithoutNumber() {
            assertThat(problems(po().supplier("Globex", null)))
                .containsExactly("supplier 'Globex' has no supplier number in Coupa");
        }

        @Test
        void noSupplier() {
            assertThat(problems(po().supplier(null, null).noSupplier())).containsExactly("it has no supplier");
        }

        @Test
        void noLines() {
            assertThat(problems(po().noLines())).containsExactly("it has no lines");
        }

        @Test
        void quantityThatIsNotANumber() {
            assertThat(problems(po().line(quantityLine(2, "2").quantity("ten"))))
                .containsExactly("line 2 quantity 'ten' is not a number");
        }

        @Test
        void priceThatIsNotANumber() {
            assertThat(problems(po().line(quantityLine(2, "2").price("5,00"))))
                .containsExactly("line 2 price '5,00' is not a number");
        }

        @Test
        void lineTotalThatIsNotANumber() {
            assertThat(problems(po().line(quantityLine(2, "2").total("N/A"))))
                .containsExactly("line 2 total 'N/A' is not a number");
        }

        @Test
        void poTotalThatIsNotANumber() {
            assertThat(problems(po().total("lots"))).containsExactly("the PO total 'lots' is not a number");
        }

        @Test
        void quantityLineWithoutQuantity() {
            assertThat(problems(po().line(quantityLine(2, "2").quantity(null))))
                .containsExactly("line 2 is a quantity line without a quantity");
        }

        @Test
        void quantityLineWithoutPrice() {
            assertThat(problems(po().line(quantityLine(2, "2").price(null)))).containsExactly("line 2 has no price");
        }

        @Test
        void amountLineWithoutPriceOrTotal() {
            assertThat(problems(po().line(amountLine(2, "2").price(null).total(null))))
                .containsExactly("line 2 is an amount line without a price or total");
        }

        @Test
        void unknownLineType() {
            assertThat(problems(po().line(quantityLine(2, "2").type("OrderMilestoneLine"))))
                .containsExactly("line 2 has type 'OrderMilestoneLine', which is neither OrderQuantityLine nor OrderAmountLine");
        }

        @Test
        void lineWithoutCoupaId() {
            assertThat(problems(po().line(new LineBuilder(null, "2")))).containsExactly("line 2 has no Coupa line id");
        }

        @Test
        void lineWithoutLineNumberIsNamedByItsPosition() {
            assertThat(problems(po().line(quantityLine(2, null).quantity("x"))))
                .containsExactly("the line at position 1 quantity 'x' is not a number");
        }

        @Test
        void needByDateThatIsNotADate() {
            assertThat(problems(po().line(quantityLine(2, "2").needBy("next week"))))
                .containsExactly("line 2 need-by date 'next week' is not a date");
        }

        @Test
        void noCurrency() {
            assertThat(problems(po().currency(null))).containsExactly("it has no currency");
        }

        @Test
        void noPoNumber() {
            assertThat(problems(po().poNumber(" "))).containsExactly("it has no PO number");
        }

        @Test
        void noVersion() {
            assertThat(problems(po().version(null))).containsExactly("it has no version");
        }

        @Test
        void noStatus() {
            assertThat(problems(po().status(null))).containsExactly("it has no status");
        }

        @Test
        void noUpdatedAt() {
            assertThat(problems(po().updatedAt(null))).containsExactly("it has no updated-at time");
        }

        @Test
        void updatedAtThatIsNotATimestamp() {
            assertThat(problems(po().updatedAt("yesterday")))
                .containsExactly("its updated-at time 'yesterday' is not an ISO date and time");
        }

        @Test
        void everyProblemIsListedInOneReasonThatNamesThePo() {
            InvalidPurchaseOrder invalid = (InvalidPurchaseOrder) mapper.map(po().supplier("Globex", null)
                .line(quantityLine(2, "2").quantity("ten")).build(), NEVER_SENT);

            assertThat(invalid.reason()).isEqualTo("PO PO-4821 cannot be sent to the ERP: supplier 'Globex' has no "
                    + "supplier number in Coupa; line 2 quantity 'ten' is not a number");
            assertThat(invalid.snapshot().idempotencyKey()).isEqualTo("coupa-4821-2-2026-03-05T11:02:44-08:00");
        }

        @Test
        void poWithoutNumberIsNamedByItsCoupaId() {
            InvalidPurchaseOrder invalid = (InvalidPurchaseOrder) mapper.map(po().poNumber(null).build(), NEVER_SENT);

            assertThat(invalid.reason()).startsWith("PO with Coupa id 4821 cannot be sent to the ERP: ");
        }
    }

    private ErpPurchaseOrder document(PoBuilder po, Optional<PreviousExport> previous) {
        PurchaseOrderExport export = mapper.map(po.build(), previous);
        assertThat(export).isInstanceOf(ReadyForErp.class);
        return ((ReadyForErp) export).document();
    }

    private List<String> problems(PoBuilder po) {
        PurchaseOrderExport export = mapper.map(po.build(), NEVER_SENT);
        assertThat(export).isInstanceOf(InvalidPurchaseOrder.class);
        return ((InvalidPurchaseOrder) export).problems();
    }

    private static Optional<PreviousExport> sent(long lineId, String lineNumber) {
        return Optional.of(new PreviousExport(List.of(remembered(lineId, lineNumber))));
    }

    /** A line as ledger rows written before lines were kept whole remember it: its id and number only. */
    private static ErpPurchaseOrder.Line remembered(long lineId, String lineNumber) {
        return new ErpPurchaseOrder.Line(lineNumber, lineId, null, null, null, null, null, null, null, null, null, false);
    }
}
