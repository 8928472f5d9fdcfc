package io.github.coupapoexport.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.coupapoexport.mapping.PurchaseOrderExport.InvalidPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderExport.ReadyForErp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.mapping.LineBuilder.amountLine;
import static io.github.coupapoexport.mapping.LineBuilder.quantityLine;
import static io.github.coupapoexport.mapping.PoBuilder.po;
import static org.assertj.core.api.Assertions.assertThat;

/** Split accounting and account segments: the document's shape and every rule that rejects a PO before the ERP. */
class PurchaseOrderMapperAllocationsTest {

    private final PurchaseOrderMapper mapper = new PurchaseOrderMapper(new ValueMaps(Map.of(), Map.of()));

    @Nested
    class DocumentShape {

        @Test
        void singleAccountLineCarriesItsCodeAndOnlyItsNonEmptySegmentsByNumber() {
            // given an account whose segment 3 is empty
            ErpPurchaseOrder.Line line = onlyLine(po().line(quantityLine(1, "1")
                .account("01-100--8000", "01", "100", null, "8000")));

            // then
            assertThat(line.accountCode()).isEqualTo("01-100--8000");
            assertThat(line.accountSegments()).containsExactly(Map.entry("segment-1", "01"),
                    Map.entry("segment-2", "100"), Map.entry("segment-4", "8000"));
            assertThat(line.allocations()).isEmpty();
        }

        @Test
        void splitLineCarriesItsAllocationsAndNoAccountOfItsOwn() {
            // given a 1000.00 line split 60/40
            ErpPurchaseOrder.Line line = onlyLine(po().total("1000.00").line(amountLine(1, "1")
                .allocation("60.0", "600.0000", "01-100-8000", "01", "100", "8000")
                .allocation("40", "400", "02-200-8000", "02", "200", "8000")));

            // then
            assertThat(line.accountCode()).isNull();
            assertThat(line.accountSegments()).isEmpty();
            assertThat(line.allocations()).containsExactly(
                    new ErpPurchaseOrder.Allocation("60", "600.00", "01-100-8000",
                            Map.of("segment-1", "01", "segment-2", "100", "segment-3", "8000")),
                    new ErpPurchaseOrder.Allocation("40", "400.00", "02-200-8000",
                            Map.of("segment-1", "02", "segment-2", "200", "segment-3", "8000")));
        }

        @Test
        void splitLineIsWrittenWithItsAllocationsInTheJson() {
            // given allocations by percentage only, which Coupa may send without amounts
            ErpPurchaseOrder document = document(po().total("1000.00").line(amountLine(1, "1")
                .allocation("60", null, "01-100-8000", "01", "100", "8000")
                .allocation("40", null, "02-200-8000")));

            // then the segments are left out where the account has none
            assertThat(ErpDocumentJson.write(document)).contains("""
                    "accountCode":null,"allocations":[{"percentage":"60","amount":null,"accountCode":"01-100-8000",\
                    "accountSegments":{"segment-1":"01","segment-2":"100","segment-3":"8000"}},\
                    {"percentage":"40","amount":null,"accountCode":"02-200-8000"}],"commodity":""");
        }

        @Test
        void lineWithoutSegmentsOrAllocationsIsWrittenAsBeforeTheyExisted() {
            ErpPurchaseOrder document = document(po().line(quantityLine(1, "1")));

            assertThat(ErpDocumentJson.write(document)).contains("\"accountCode\":\"01-100-8000\",\"commodity\":")
                .doesNotContain("accountSegments", "allocations");
        }

        @Test
        void documentReadBackFromTheLedgerIsTheSameDocument() {
            ErpPurchaseOrder document = document(po().total("1000.00").line(amountLine(1, "1")
                .allocation("60", "600.00", "01-100-8000", "01", "100", "8000")
                .allocation("40", "400.00", "02-200-8000")));

            assertThat(ErpDocumentJson.read(ErpDocumentJson.write(document))).isEqualTo(document);
            assertThat(ErpDocumentJson.readLines(ErpDocumentJson.writeLines(document.liveLines())))
                .isEqualTo(document.liveLines());
        }

        @Test
        void lineWithOneAllocationOfAHundredPercentIsFine() {
            ErpPurchaseOrder.Line line = onlyLine(po().total("1000.00").line(amountLine(1, "1")
                .allocation("100", "1000.00", "01-100-8000")));

            assertThat(line.allocations()).singleElement()
                .isEqualTo(new ErpPurchaseOrder.Allocation("100", "1000.00", "01-100-8000", Map.of()));
        }

        @Test
        void percentagesRoundedByTheBuyerToAddUpExactlyAreFine() {
            ErpPurchaseOrder.Line line = onlyLine(po().total("1000.00").line(amountLine(1, "1")
                .allocation("33.33", "333.30", "A").allocation("33.33", "333.30", "B")
                .allocation("33.34", "333.40", "C")));

            assertThat(line.allocations()).extracting(ErpPurchaseOrder.Allocation::percentage)
                .containsExactly("33.33", "33.33", "33.34");
        }

        @Test
        void amountsAreComparedWithTheLineTotalComputedFromQuantityAndPrice() {
            // given 50 x 5.00 and no total from Coupa
            ErpPurchaseOrder.Line line = onlyLine(po().line(quantityLine(1, "1").total(null)
                .allocation("50", "125", "A").allocation("50", "125.0000", "B")));

            assertThat(line.amount()).isEqualTo("250.00");
            assertThat(line.allocations()).hasSize(2);
        }
    }

    @Nested
    class RejectedBeforeTheErp {

        @Test
        void whenPercentagesDoNotAddUpToAHundred() {
            assertThat(problems(po().total("1000.00").line(amountLine(1, "3")
                .allocation("60", null, "A").allocation("30", null, "B"))))
                .containsExactly("line 3 allocations add up to 90%, not 100%");
        }

        @Test
        void whenPercentagesAddUpToAHundredOnlyAfterRounding() {
            assertThat(problems(po().total("1000.00").line(amountLine(1, "1")
                .allocation("33.3333333333", null, "A").allocation("33.3333333333", null, "B")
                .allocation("33.3333333333", null, "C"))))
                .containsExactly("line 1 allocations add up to 99.9999999999%, not 100%");
        }

        @Test
        void whenAmountsDoNotAddUpToTheLineTotal() {
            assertThat(problems(po().total("1000.00").line(amountLine(1, "2")
                .allocation("60", "600.00", "A").allocation("40", "399.99", "B"))))
                .containsExactly("line 2 allocations add up to 999.99, not the line's total 1000.00");
        }

        @Test
        void whenOnlySomeAllocationsHaveAnAmount() {
            assertThat(problems(po().total("1000.00").line(amountLine(1, "1")
                .allocation("60", "600.00", "A").allocation("40", " ", "B"))))
                .containsExactly("line 1 gives an amount for 1 of its 2 allocations");
        }

        @Test
        void whenAnAllocationHasNoAccountCode() {
            assertThat(problems(po().total("1000.00").line(amountLine(1, "1")
                .allocation("60", "600.00", "A").allocation("40", "400.00", " ", "02"))))
                .containsExactly("line 1 allocation 2 has no account code");
        }

        @Test
        void whenAnAllocationHasNoAccountAtAll() {
            assertThat(problems(po().total("1000.00").line(amountLine(1, "1")
                .allocation("100", "1000.00", null))))
                .containsExactly("line 1 allocation 1 has no account code");
        }

        @Test
        void whenAnAllocationHasNoPercentage() {
            assertThat(problems(po().total("1000.00").line(amountLine(1, "1")
                .allocation(null, "1000.00", "A"))))
                .containsExactly("line 1 allocation 1 has no percentage");
        }

        @Test
        void whenANumberIsNegative() {
            assertThat(problems(po().total("1000.00").line(amountLine(1, "1")
                .allocation("120", "1200.00", "A").allocation("-20", "-200.00", "B"))))
                .containsExactly("line 1 allocation 2 percentage '-20' is negative",
                        "line 1 allocation 2 amount '-200.00' is negative");
        }

        @Test
        void whenANumberIsOneNoErpCanHold() {
            assertThat(problems(po().total("1000.00").line(amountLine(1, "1")
                .allocation("1E+1000000000", "1000.00", "A").allocation("ten", "0", "B"))))
                .containsExactly("line 1 allocation 1 percentage '1E+1000000000' is not a number an ERP can hold"
                        + Problems.BOUNDS, "line 1 allocation 2 percentage 'ten' is not a number");
        }

        @Test
        void whenAnAllocationIsEmpty() {
            assertThat(problems(po().total("1000.00").line(amountLine(1, "1")
                .allocation("100", "1000.00", "A").allocation(null))))
                .containsExactly("line 1 allocation 2 is empty");
        }

        @Test
        void withEveryProblemOfEveryLineAndThePoNamed() {
            PurchaseOrderExport export = mapper.map(po().total("1250.00")
                .line(quantityLine(1, "1").allocation("50", "100.00", "A").allocation("40", "150.00", "B"))
                .line(amountLine(2, "2").allocation("100", "1000.00", " ")).build(), Optional.empty());

            assertThat(((InvalidPurchaseOrder) export).reason()).isEqualTo("PO PO-4821 cannot be sent to the ERP: "
                    + "line 1 allocations add up to 90%, not 100%; "
                    + "line 2 allocation 1 has no account code");
        }
    }

    @Test
    void deletedLineIsNotCheckedForItsAllocations() {
        ErpPurchaseOrder document = document(po().line(quantityLine(1, "1"))
            .line(amountLine(2, "2").deletedAt("2026-03-05T11:02:40-08:00").allocation("10", "1.00", null)));

        assertThat(document.lines().get(1).deleted()).isTrue();
    }

    private ErpPurchaseOrder document(PoBuilder po) {
        PurchaseOrderExport export = mapper.map(po.build(), Optional.empty());
        assertThat(export).isInstanceOf(ReadyForErp.class);
        return ((ReadyForErp) export).document();
    }

    private ErpPurchaseOrder.Line onlyLine(PoBuilder po) {
        List<ErpPurchaseOrder.Line> lines = document(po).lines();
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    private List<String> problems(PoBuilder po) {
        PurchaseOrderExport export = mapper.map(po.build(), Optional.empty());
        assertThat(export).isInstanceOf(InvalidPurchaseOrder.class);
        return ((InvalidPurchaseOrder) export).problems();
    }
}
