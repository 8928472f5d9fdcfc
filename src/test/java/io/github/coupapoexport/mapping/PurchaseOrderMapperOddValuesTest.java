package io.github.coupapoexport.mapping;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.coupapoexport.coupa.CoupaPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderExport.InvalidPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderExport.ReadyForErp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.coupapoexport.mapping.LineBuilder.quantityLine;
import static io.github.coupapoexport.mapping.PoBuilder.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** POs Coupa sends in an odd shape: each becomes an invalid PO with a reason, never an exception or a hang. */
class PurchaseOrderMapperOddValuesTest {

    private static final Optional<PreviousExport> NEVER_SENT = Optional.empty();

    /** Generous: each case takes milliseconds, a regression takes hours or all the memory. */
    private static final Duration FAST = Duration.ofSeconds(5);

    private static final String TOO_BIG = " is not a number an ERP can hold (at most 20 digits before the decimal point "
            + "and 10 after)";

    private final PurchaseOrderMapper mapper = new PurchaseOrderMapper(new ValueMaps(Map.of("each", "EA"), Map.of()));

    @Nested
    class UnreadablePurchaseOrder {

        @Test
        void isInvalidWithTheBindingProblemAndWhatCouldBeReadOfItsHeader() {
            // given
            CoupaPurchaseOrder po = CoupaPurchaseOrder.partlyRead(4830, "PO-4830", null, "issued",
                    "2026-03-05T11:02:44-08:00",
                    "the field 'version' holds the number 3000000000 where a whole number up to 2147483647 belongs");

            // when
            PurchaseOrderExport export = mapper.map(po, NEVER_SENT);

            // then
            assertThat(export).isInstanceOfSatisfying(InvalidPurchaseOrder.class, invalid -> {
                assertThat(invalid.reason()).isEqualTo("PO PO-4830 cannot be sent to the ERP: Coupa's answer for it "
                        + "cannot be read: the field 'version' holds the number 3000000000 where a whole number up to "
                        + "2147483647 belongs");
                assertThat(invalid.snapshot().coupaId()).isEqualTo(4830);
                assertThat(invalid.snapshot().status()).isEqualTo("issued");
                assertThat(invalid.snapshot().idempotencyKey()).isEqualTo("coupa-4830-null-2026-03-05T11:02:44-08:00");
            });
        }

        @Test
        void withoutAReadablePoNumberIsNamedByItsCoupaId() {
            CoupaPurchaseOrder po = CoupaPurchaseOrder.partlyRead(4831, null, 1, null, null,
                    "the field 'po-number' holds an object where text belongs");

            InvalidPurchaseOrder invalid = (InvalidPurchaseOrder) mapper.map(po, NEVER_SENT);

            assertThat(invalid.reason()).isEqualTo("PO with Coupa id 4831 cannot be sent to the ERP: Coupa's answer "
                    + "for it cannot be read: the field 'po-number' holds an object where text belongs");
        }
    }

    @Test
    void nullLineIsAProblemNamedByItsPosition() {
        assertThat(problems(po().line(quantityLine(1, "1")).line(quantityLine(2, "2")).emptyLine()))
            .containsExactly("the line at position 3 is empty");
    }

    @Nested
    class AbsurdNumbers {

        static Stream<Arguments> numbersNoErpCanHold() {
            return Stream.of(Arguments.of("1E+1000000000"), Arguments.of("1e-999999999"), Arguments.of("-1E+2147483647"),
                    Arguments.of("123456789012345678901"), Arguments.of("0.12345678901"), Arguments.of("9".repeat(5000)),
                    Arguments.of("0." + "0".repeat(200) + "1"));
        }

        @ParameterizedTest
        @MethodSource("numbersNoErpCanHold")
        void priceIsRefusedBeforeAnyArithmeticTouchesIt(String price) {
            List<String> problems = assertTimeoutPreemptively(FAST,
                    () -> problems(po().line(quantityLine(2, "2").price(price).total(null))));

            assertThat(problems).containsExactly("line 2 price '" + PurchaseOrderSnapshot.printable(price, 40) + "'"
                    + TOO_BIG);
        }

        @ParameterizedTest
        @MethodSource("numbersNoErpCanHold")
        void quantityAndTotalsAreRefusedAlike(String number) {
            List<String> problems = assertTimeoutPreemptively(FAST,
                    () -> problems(po().total(number).line(quantityLine(2, "2").quantity(number).total(number))));

            String quoted = "'" + PurchaseOrderSnapshot.printable(number, 40) + "'";
            assertThat(problems).containsExactlyInAnyOrder("line 2 quantity " + quoted + TOO_BIG,
                    "line 2 total " + quoted + TOO_BIG, "the PO total " + quoted + TOO_BIG);
        }

        @ParameterizedTest
        @CsvSource({"12345678901234567890.1234567890, 12345678901234567890.123456789",
                "5.000000000000000000000000000000, 5.00", "1E+19, 10000000000000000000.00", "0.0000000001, 0.0000000001"})
        void numbersWithinTheBoundsAreSentAsBefore(String coupa, String erp) {
            ReadyForErp ready = (ReadyForErp) assertTimeoutPreemptively(FAST,
                    () -> mapper.map(po().total(null).line(quantityLine(2, "2").quantity("1").price(coupa).total(null))
                        .build(), NEVER_SENT));

            assertThat(ready.document().lines().get(0).unitPrice()).isEqualTo(erp);
            assertThat(ready.document().total()).isEqualTo(erp);
        }

        @Test
        void quantityTimesPriceWithMoreDecimalsThanAnErpHoldsIsRoundedNotRefused() {
            ReadyForErp ready = (ReadyForErp) mapper.map(po().total(null).line(quantityLine(2, "2").quantity("1.2345")
                .price("0.1234567").total(null)).build(), NEVER_SENT);

            assertThat(ready.document().lines().get(0).amount()).isEqualTo("0.1524072962");
        }

        @Test
        void quantityTimesPriceBeyondTheBoundsIsRefused() {
            List<String> problems = problems(po().total("1").line(quantityLine(2, "2").quantity("99999999999999999999")
                .price("99999999999999999999").total(null)));

            assertThat(problems).singleElement().asString()
                .startsWith("line 2 quantity times price is '9999999999999999999800000000000000000001'")
                .endsWith(", not a number an ERP can hold (at most 20 digits before the decimal point and 10 after)");
        }
    }

    @Nested
    class ControlCharacters {

        @Test
        void idempotencyKeyUsesTheTrimmedUpdatedAt() {
            assertThat(key(po().updatedAt(" 2026-03-05T11:02:44-08:00\n")))
                .isEqualTo("coupa-4821-2-2026-03-05T11:02:44-08:00");
        }

        @Test
        void idempotencyKeyWithAControlCharacterIsADigestSafeInAnHttpHeader() {
            String key = key(po().updatedAt("2026-03-05T11:02:44\u0000-08:00"));

            assertThat(key).matches("coupa-4821-2-sha256-[0-9a-f]{64}");
            assertThat(key(po().updatedAt("2026-03-05T11:02:44\u0000-08:00"))).isEqualTo(key);
            assertThat(key(po().updatedAt("2026-03-05T11:02:45\u0000-08:00"))).isNotEqualTo(key);
        }

        @Test
        void idempotencyKeyTooLongForTheLedgerIsADigest() {
            String key = key(po().updatedAt("2026-03-05T11:02:44-08:00" + "x".repeat(300)));

            assertThat(key).matches("coupa-4821-2-sha256-[0-9a-f]{64}");
            assertThat(key.length() + "-replay-9223372036854775807".length()).isLessThanOrEqualTo(200);
        }

        @Test
        void reasonAndSnapshotCarryNoControlCharacterAndFitTheLedger() {
            InvalidPurchaseOrder invalid = (InvalidPurchaseOrder) mapper.map(po().poNumber("PO-\u00004821" + "7".repeat(60))
                .status("issued\u0000").line(quantityLine(2, "2").quantity("ten\u0000")).build(), NEVER_SENT);

            assertThat(invalid.snapshot().poNumber()).startsWith("PO-?4821").hasSize(50);
            assertThat(invalid.snapshot().status()).isEqualTo("issued?");
            assertThat(invalid.problems()).containsExactly("line 2 quantity 'ten?' is not a number");
            assertThat(invalid.reason()).doesNotContain("\u0000");
        }
    }

    private String key(PoBuilder po) {
        return mapper.map(po.build(), NEVER_SENT).snapshot().idempotencyKey();
    }

    private List<String> problems(PoBuilder po) {
        PurchaseOrderExport export = mapper.map(po.build(), NEVER_SENT);
        assertThat(export).isInstanceOf(InvalidPurchaseOrder.class);
        return ((InvalidPurchaseOrder) export).problems();
    }
}
